package org.hotline.notification.sealing.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    FieldSealer fieldSealer(SealingProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.sealing.keys." + id + " is not valid base64", e);
            }
        });
        return new FieldSealer(properties.activeKeyId(), keys);
    }
}
