package org.hotline.notification.acknowledgement.config;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcknowledgementLinkConfiguration {

    @Bean
    AcknowledgementLinks acknowledgementLinks(AcknowledgementLinkProperties properties, Clock clock) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.notification.acknowledgement-links.keys." + id
                        + " is not valid base64", e);
            }
        });
        return new AcknowledgementLinks(new LinkSigner(properties.activeKeyId(), keys), properties.baseUrl(),
                properties.linkValidity(), clock);
    }
}
