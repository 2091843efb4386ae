package org.hotline.cases.escalation.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.hotline.cases.directory.application.InvalidDirectoryException;
import org.hotline.cases.directory.config.DirectoryProperties;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.domain.SilenceCheck;
import org.hotline.cases.escalation.yaml.LadderLoader;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the ladder at start and fails the start on any problem in it, or when it names a body by id that the
 * directory's names file lacks: a rung without a name would reach the complainant as an empty line, and most likely
 * the ladder and the directory have drifted apart (a body renamed in one of them).
 */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    Ladder ladder(EscalationProperties properties, ResourceLoader resources, DirectoryProperties directory,
            AuthorityNames names) throws IOException {
        Resource resource = resources.getResource(properties.ladderLocation());
        try (InputStream in = resource.getInputStream()) {
            Ladder ladder = new LadderLoader().load(Objects.requireNonNull(resource.getFilename()), in.readAllBytes());
            List<String> missing = names.missing(ladder.namedAuthorityIds());
            if (!missing.isEmpty()) {
                String file = Objects.requireNonNull(resources.getResource(directory.location()).getFilename());
                throw new InvalidDirectoryException(List.of(file + ": the ladder names bodies the directory does not "
                        + "hold: " + String.join(", ", missing)));
            }
            log.info("Escalation ladder loaded from {}: {}", properties.ladderLocation(), ladder);
            return ladder;
        }
    }

    @Bean
    SilenceCheck silenceCheck(Ladder ladder, StatutoryClocks clocks) {
        return new SilenceCheck(ladder, clocks);
    }
}
