package org.hotline.notification.sealing.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    FieldSealer fieldSealer(SealingProperties properties, Environment environment) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.sealing.keys." + id + " is not valid base64", e);
            }
            DevelopmentKeys.refuseOutsideDev("hotline.sealing.keys." + id, key, environment);
            keys.put(id, key);
        });
        return new FieldSealer(properties.activeKeyId(), keys);
    }
}
