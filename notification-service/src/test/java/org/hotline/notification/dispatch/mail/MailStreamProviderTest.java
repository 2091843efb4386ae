package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

    @Test
    void namesAngusMailsProviderSoThatJakartaMailFindsItWithoutScanningTheClassPath() {
        // given / when
        MailStreamProvider.nameUnlessNamed();

        // then: the name is the class the ServiceLoader scan would have found, and Jakarta Mail accepts it
        assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo(MailStreamProvider.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProvider.ANGUS);
    }

    @Test
    void theProviderItNamesIsTheOneAngusMailRegistersForTheScan() throws Exception {
        // given: Angus Mail's own service registration, which the scan reads when no name is set
        String registered;
        try (InputStream in = StreamProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/services/" + StreamProvider.class.getName())) {
            assertThat(in).isNotNull();
            registered = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }

        // then
        assertThat(registered).isEqualTo(MailStreamProvider.ANGUS);
    }
}
