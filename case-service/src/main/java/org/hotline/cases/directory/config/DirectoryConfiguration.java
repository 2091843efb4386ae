package org.hotline.cases.directory.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.hotline.cases.directory.application.AuthoritiesLoader;
import org.hotline.cases.directory.application.InvalidDirectoryException;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.escalation.domain.Ladder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the bodies' names at start, and fails the start when the file has a problem or lacks a body the ladder
 * names by id: a rung without a name would reach the complainant as an empty line, and most likely the ladder and
 * the directory have drifted apart (a body renamed in one of them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);

    @Bean
    AuthorityNames authorityNames(DirectoryProperties properties, ResourceLoader resources, Ladder ladder)
            throws IOException {
        Resource resource = resources.getResource(properties.location());
        String fileName = Objects.requireNonNull(resource.getFilename());
        AuthorityNames names;
        try (InputStream in = resource.getInputStream()) {
            names = new AuthoritiesLoader().load(fileName, in.readAllBytes());
        }
        List<String> missing = names.missing(ladder.namedAuthorityIds());
        if (!missing.isEmpty()) {
            throw new InvalidDirectoryException(List.of(fileName + ": the ladder names bodies the directory does not "
                    + "hold: " + String.join(", ", missing)));
        }
        log.info("Names of {} bodies loaded from {}", names.size(), properties.location());
        return names;
    }
}
