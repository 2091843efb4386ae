package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the dev and test profiles there is no key: the service must refuse to start rather than run without. Nor
 * does it start with the dev profile's simulated clock anywhere else.
 */
class StartupWithoutKeysTest {

    private static void start(String... args) {
        new SpringApplicationBuilder(CaseApplication.class).run(args);
    }

    @Test
    void refusesToStartWithoutLinkKeys() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0",
                "--hotline.sealing.keys.k1=dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE="))
                .rootCause().hasMessageContaining("hotline.cases.acknowledgement");
    }

    @Test
    void refusesToStartWithoutSealingKeys() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0",
                "--hotline.cases.acknowledgement.active-key-id=a",
                "--hotline.cases.acknowledgement.keys.a=dGVzdC1vbmx5LWFja25vd2xlZGdlbWVudC1saW5rLWtleSE="))
                .rootCause().hasMessageContaining("hotline.sealing");
    }

    @Test
    void refusesASimulatedClockOutsideTheDevProfile() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0",
                "--spring.profiles.active=test", "--hotline.cases.dev-clock.offset=3d"))
                .rootCause().hasMessageContaining("hotline.cases.dev-clock.offset is set outside the dev profile");
    }
}
