package org.hotline.cases.sealing.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.sealing.domain.FieldOpener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    FieldOpener fieldOpener(SealingProperties properties, Environment environment) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.sealing.keys." + id + " is not valid base64", e);
            }
            DevelopmentSealingKeys.refuseOutsideDev("hotline.sealing.keys." + id, key, environment);
            keys.put(id, key);
        });
        return new FieldOpener(keys);
    }
}
