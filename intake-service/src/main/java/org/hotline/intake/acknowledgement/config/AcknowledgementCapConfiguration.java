package org.hotline.intake.acknowledgement.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.intake.complaint.application.AcknowledgementCap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AcknowledgementCapProperties.class)
class AcknowledgementCapConfiguration {

    @Bean
    AcknowledgementCap acknowledgementCap(AcknowledgementCapProperties properties, MeterRegistry registry) {
        if (!properties.enabled()) {
            return AcknowledgementCap.NONE;
        }
        return new AddressAllowance(properties.perAddress().rate(), properties.maxAddresses(), System::nanoTime,
                registry);
    }
}
