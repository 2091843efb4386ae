package org.hotline.cases.escalation.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.hotline.cases.deadline.domain.StatutoryClocks;
import org.hotline.cases.escalation.application.LadderLoader;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.domain.SilenceCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the ladder at start and fails the start on any problem in it. */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    Ladder ladder(EscalationProperties properties, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(properties.ladderLocation());
        try (InputStream in = resource.getInputStream()) {
            Ladder ladder = new LadderLoader().load(Objects.requireNonNull(resource.getFilename()), in.readAllBytes());
            log.info("Escalation ladder loaded from {}: {}", properties.ladderLocation(), ladder);
            return ladder;
        }
    }

    @Bean
    SilenceCheck silenceCheck(Ladder ladder, StatutoryClocks clocks) {
        return new SilenceCheck(ladder, clocks);
    }
}
