package org.hotline.cases.sealing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class DevelopmentSealingKeysTest {

    private static final String PREFIX = "hotline.sealing.keys.";

    /** Every sealing key that application-dev.yml ships, by property name. */
    private static final Map<String, String> SHIPPED = shippedSealingKeys();

    @Test
    void knowsEverySealingKeyThatApplicationDevYmlShips() {
        assertThat(SHIPPED).containsKey(PREFIX + "dev-1");
        SHIPPED.forEach((setting, value) -> assertThat(DevelopmentSealingKeys.isDevelopmentKey(decode(value)))
                .as(setting).isTrue());
    }

    @Test
    void acceptsTheDevelopmentKeyInTheDevProfileAndAKeyOfYourOwnAnywhere() {
        StandardEnvironment dev = new StandardEnvironment();
        dev.setActiveProfiles("dev");
        byte[] own = decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");

        assertThatCode(() -> DevelopmentSealingKeys.refuseOutsideDev(PREFIX + "dev-1",
                decode(SHIPPED.get(PREFIX + "dev-1")), dev)).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentSealingKeys.refuseOutsideDev(PREFIX + "own", own, new StandardEnvironment()))
                .doesNotThrowAnyException();
        assertThat(DevelopmentSealingKeys.isDevelopmentKey(own)).isFalse();
    }

    @Test
    void refusesTheDevelopmentKeyOutsideTheDevProfileNamingTheSettingNotTheKey() {
        String devKey = SHIPPED.get(PREFIX + "dev-1");
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> DevelopmentSealingKeys.refuseOutsideDev(PREFIX + "k1", decode(devKey), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(PREFIX + "k1 is the development value published in application-dev.yml")
                .hasMessageNotContaining(devKey.replace("=", ""));
    }

    private static Map<String, String> shippedSealingKeys() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("../deploy/dev-config/case-service/application-dev.yml"));
        Properties properties = yaml.getObject();
        return properties.stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                .collect(Collectors.toMap(name -> name, properties::getProperty));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
