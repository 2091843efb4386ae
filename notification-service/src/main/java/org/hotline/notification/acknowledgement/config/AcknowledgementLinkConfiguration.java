package org.hotline.notification.acknowledgement.config;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AcknowledgementLinkConfiguration {

    @Bean
    AcknowledgementLinks acknowledgementLinks(AcknowledgementLinkProperties properties, Clock clock,
            Environment environment) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.notification.acknowledgement-links.keys." + id
                        + " is not valid base64", e);
            }
            DevelopmentLinkKeys.refuseOutsideDev("hotline.notification.acknowledgement-links.keys." + id, key,
                    environment);
            keys.put(id, key);
        });
        return new AcknowledgementLinks(new LinkSigner(properties.activeKeyId(), keys), properties.baseUrl(),
                properties.linkValidity(), clock);
    }
}
