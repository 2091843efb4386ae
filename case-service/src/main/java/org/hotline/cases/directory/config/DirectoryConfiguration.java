package org.hotline.cases.directory.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.directory.yaml.AuthoritiesLoader;
import org.hotline.datafiles.UnitNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the bodies' and the places' names at start, and fails the start when a file has a problem. (The escalation feature checks
 * that every body its ladder names is here.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);

    @Bean
    AuthorityNames authorityNames(DirectoryProperties properties, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(properties.location());
        String fileName = Objects.requireNonNull(resource.getFilename());
        AuthorityNames names;
        try (InputStream in = resource.getInputStream()) {
            names = new AuthoritiesLoader().load(fileName, in.readAllBytes());
        }
        log.info("Names of {} bodies loaded from {}", names.size(), properties.location());
        return names;
    }

    /** The places' names, read at start; a file with any problem stops the start, naming file and line. */
    @Bean
    UnitNames unitNames(DirectoryProperties properties, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(properties.unitsLocation());
        UnitNames names;
        try (InputStream in = resource.getInputStream()) {
            names = UnitNames.read(Objects.requireNonNull(resource.getFilename()), in.readAllBytes());
        }
        log.info("Names of {} places loaded from {}", names.size(), properties.unitsLocation());
        return names;
    }
}
