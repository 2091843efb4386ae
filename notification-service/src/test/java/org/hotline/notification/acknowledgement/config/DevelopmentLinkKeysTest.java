package org.hotline.notification.acknowledgement.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.hotline.notification.NotificationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class DevelopmentLinkKeysTest {

    private static final String PREFIX = "hotline.notification.acknowledgement-links.keys.";

    /** Every link key that application-dev.yml ships, by property name. */
    private static final Map<String, String> SHIPPED = shippedLinkKeys();

    @Test
    void knowsEveryLinkKeyThatApplicationDevYmlShips() {
        assertThat(SHIPPED).containsKey(PREFIX + "dev-ack-1");
        SHIPPED.forEach((setting, value) -> assertThat(DevelopmentLinkKeys.isDevelopmentKey(decode(value)))
                .as(setting).isTrue());
    }

    @Test
    void acceptsTheDevelopmentKeyInTheDevProfileAndAKeyOfYourOwnAnywhere() {
        StandardEnvironment dev = new StandardEnvironment();
        dev.setActiveProfiles("dev");
        byte[] own = decode("dGVzdC1vbmx5LWFja25vd2xlZGdlbWVudC1saW5rLWtleSE=");

        assertThatCode(() -> DevelopmentLinkKeys.refuseOutsideDev(PREFIX + "dev-ack-1",
                decode(SHIPPED.get(PREFIX + "dev-ack-1")), dev)).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentLinkKeys.refuseOutsideDev(PREFIX + "own", own, new StandardEnvironment()))
                .doesNotThrowAnyException();
        assertThat(DevelopmentLinkKeys.isDevelopmentKey(own)).isFalse();
    }

    @Test
    void refusesTheDevelopmentKeyOutsideTheDevProfileNamingTheSettingNotTheKey() {
        String devKey = SHIPPED.get(PREFIX + "dev-ack-1");
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> DevelopmentLinkKeys.refuseOutsideDev(PREFIX + "k1", decode(devKey), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(PREFIX + "k1 is the development value published in application-dev.yml")
                .hasMessageNotContaining(devKey.replace("=", ""));
    }

    @Test
    void refusesToStartWithTheDevelopmentLinkKeyOutsideTheDevProfileNamingTheSettingNotTheKey() {
        String devKey = SHIPPED.get(PREFIX + "dev-ack-1");

        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationApplication.class).run(
                "--spring.profiles.active=test", "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--server.port=0",
                "--management.server.port=0", "--" + PREFIX + "test-ack-1=" + devKey).close())
                .satisfies(failure -> {
                    assertThat(failure).rootCause().isInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith(PREFIX + "test-ack-1 is the development value published in "
                                    + "application-dev.yml");
                    assertThat(messages(failure)).doesNotContain(devKey).doesNotContain(devKey.replace("=", ""));
                });
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join("\n", messages);
    }

    private static Map<String, String> shippedLinkKeys() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("../deploy/dev-config/notification-service/application-dev.yml"));
        Properties properties = yaml.getObject();
        return properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .collect(Collectors.toMap(name -> name, properties::getProperty));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }
}
