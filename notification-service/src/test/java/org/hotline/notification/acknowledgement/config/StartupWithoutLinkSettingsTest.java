package org.hotline.notification.acknowledgement.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotline.notification.NotificationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the dev and test profiles there is no link key or address: the service must refuse to start rather than
 * send the bodies emails they cannot acknowledge.
 */
class StartupWithoutLinkSettingsTest {

    private static final List<String> EVERYTHING_ELSE = List.of("--server.port=0", "--management.server.port=0",
            "--hotline.sealing.active-key-id=t",
            "--hotline.sealing.keys.t=dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=",
            "--hotline.notification.ngo.name-kk=k", "--hotline.notification.ngo.name-ru=r",
            "--hotline.notification.ngo.name-en=e", "--hotline.notification.ngo.email=ngo@ngo.example",
            "--hotline.notification.ngo.phone=1", "--hotline.notification.ngo.caseworker-mailbox=cw@ngo.example",
            "--hotline.notification.ngo.from-address=from@ngo.example");

    private static void start(String... settings) {
        List<String> args = new ArrayList<>(EVERYTHING_ELSE);
        args.addAll(List.of(settings));
        new SpringApplicationBuilder(NotificationApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void refusesToStartWithoutLinkKeys() {
        assertThatThrownBy(() -> start("--hotline.notification.acknowledgement-links.base-url=https://cases.example"))
                .rootCause().hasMessageContaining("hotline.notification.acknowledgement-links");
    }

    @Test
    void refusesToStartWithoutTheCaseServicesAddress() {
        assertThatThrownBy(() -> start("--hotline.notification.acknowledgement-links.active-key-id=a",
                "--hotline.notification.acknowledgement-links.keys.a=dGVzdC1vbmx5LWFja25vd2xlZGdlbWVudC1saW5rLWtleSE="))
                .rootCause().hasMessageContaining("hotline.notification.acknowledgement-links")
                .hasMessageContaining("baseUrl");
    }
}
