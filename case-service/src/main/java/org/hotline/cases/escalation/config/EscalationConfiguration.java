package org.hotline.cases.escalation.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Loads the ladder at start and fails the start on any problem in it, or when a rung the ladder names by id, or a
 * rung its patterns give any body of the directory, is a body that the directory's names file lacks: a rung
 * without a name would reach the complainant as an empty line, and most likely the ladder and the directory have
 * drifted apart (a body renamed in one of them).
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
            Map<String, String> rungs = rungsOfEveryBody(ladder, names);
            List<String> missing = names.missing(rungs.keySet()).stream()
                    .map(rung -> rungs.get(rung).isEmpty() ? rung : rung + " (a rung of " + rungs.get(rung) + ")")
                    .toList();
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
    SilenceCheck silenceCheck(Ladder ladder, StatutoryClocks clocks, AuthorityNames names) {
        return new SilenceCheck(ladder, clocks, names::correspondenceLanguage);
    }

    /**
     * The bodies the ladder names by id (with an empty text), and every rung a body of the directory climbs to (with
     * the first body, by id, that climbs to it): a rung written as a pattern ({@code kz-{region}-prosecutor}) is
     * checked for each body it applies to, so that an edited ladder pointing a region at a body that does not exist
     * fails the start, not a letter months later.
     */
    static Map<String, String> rungsOfEveryBody(Ladder ladder, AuthorityNames names) {
        Map<String, String> rungs = new TreeMap<>();
        ladder.namedAuthorityIds().forEach(rung -> rungs.put(rung, ""));
        for (String body : new TreeSet<>(names.ids())) {
            ladder.above(body).ifPresent(above -> above.forEach(rung -> rungs.putIfAbsent(rung.authorityId(), body)));
        }
        return rungs;
    }
}
