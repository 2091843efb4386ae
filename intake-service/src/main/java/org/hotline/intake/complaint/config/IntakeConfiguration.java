package org.hotline.intake.complaint.config;

import java.time.Clock;
import java.util.Base64;
import org.hotline.intake.complaint.application.AcknowledgementCap;
import org.hotline.intake.complaint.application.ComplaintIntake;
import org.hotline.intake.complaint.application.ComplaintPublisher;
import org.hotline.intake.complaint.application.IdempotencyLedger;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.application.LanePlacement;
import org.hotline.intake.complaint.domain.ComplaintIdentities;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.intake.sealing.config.DevelopmentKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntakeProperties.class, PageProperties.class})
class IntakeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ComplaintIdentities complaintIdentities(IntakeProperties properties, Environment environment) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(properties.identitySecret().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hotline.intake.identity-secret is not valid base64", e);
        }
        DevelopmentKeys.refuseOutsideDev("hotline.intake.identity-secret", secret, environment);
        return new ComplaintIdentities(secret);
    }

    @Bean
    ComplaintIntake complaintIntake(ComplaintIdentities identities, ComplaintPublisher publisher,
            IdempotencyLedger ledger, IntakeMetrics metrics, AcknowledgementCap acknowledgementCap,
            LanePlacement lanes, Clock clock) {
        return new ComplaintIntake(new ComplaintValidator(clock), identities, publisher, ledger, metrics,
                acknowledgementCap, lanes, clock);
    }
}
