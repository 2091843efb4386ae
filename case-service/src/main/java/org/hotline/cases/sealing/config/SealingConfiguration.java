package org.hotline.cases.sealing.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.sealing.domain.FieldOpener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    FieldOpener fieldOpener(SealingProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.sealing.keys." + id + " is not valid base64", e);
            }
        });
        return new FieldOpener(keys);
    }
}
