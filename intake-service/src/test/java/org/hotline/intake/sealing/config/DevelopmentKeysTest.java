package org.hotline.intake.sealing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.hotline.intake.IntakeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class DevelopmentKeysTest {

    /** Every key and secret that application-dev.yml ships, by property name. */
    private static final Map<String, String> SHIPPED = shippedDevelopmentValues();

    @Test
    void knowsEveryKeyAndSecretThatApplicationDevYmlShips() {
        assertThat(SHIPPED).containsKeys("hotline.intake.identity-secret", "hotline.sealing.keys.dev-1");
        SHIPPED.forEach((setting, value) -> assertThat(DevelopmentKeys.isDevelopmentKey(decode(value)))
                .as(setting).isTrue());
    }

    @Test
    void acceptsTheDevelopmentKeysInTheDevProfileAndAKeyOfYourOwnAnywhere() {
        StandardEnvironment dev = new StandardEnvironment();
        dev.setActiveProfiles("dev");
        byte[] own = decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");

        assertThatCode(() -> DevelopmentKeys.refuseOutsideDev("hotline.sealing.keys.dev-1",
                decode(SHIPPED.get("hotline.sealing.keys.dev-1")), dev)).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentKeys.refuseOutsideDev("hotline.sealing.keys.own", own, new StandardEnvironment()))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWithTheDevelopmentSealingKeyOutsideTheDevProfileNamingTheSettingNotTheKey() {
        String devKey = SHIPPED.get("hotline.sealing.keys.dev-1");

        assertStartFailsNaming("hotline.sealing.keys.test-1", devKey, "--hotline.sealing.keys.test-1=" + devKey);
    }

    @Test
    void refusesToStartWithTheDevelopmentIdentitySecretOutsideTheDevProfile() {
        String devSecret = SHIPPED.get("hotline.intake.identity-secret");

        assertStartFailsNaming("hotline.intake.identity-secret", devSecret,
                "--hotline.intake.identity-secret=" + devSecret);
    }

    private static void assertStartFailsNaming(String setting, String secretValue, String override) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IntakeApplication.class).run(
                "--spring.profiles.active=test", "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--server.port=0",
                "--management.server.port=0", override).close())
                .satisfies(failure -> {
                    assertThat(failure).rootCause().isInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith(setting + " is the development value published in "
                                    + "application-dev.yml");
                    assertThat(messages(failure)).doesNotContain(secretValue)
                            .doesNotContain(secretValue.replace("=", ""));
                });
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join("\n", messages);
    }

    private static Map<String, String> shippedDevelopmentValues() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("../deploy/dev-config/intake-service/application-dev.yml"));
        Properties properties = yaml.getObject();
        return properties.stringPropertyNames().stream()
                .filter(name -> name.equals("hotline.intake.identity-secret") || name.startsWith("hotline.sealing.keys."))
                .collect(Collectors.toMap(name -> name, properties::getProperty));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }
}
