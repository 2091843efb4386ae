package org.hotline.routing.directory.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.hotline.routing.directory.application.CurrentDirectory;
import org.hotline.routing.directory.application.DirectoryLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The directory loaded at start (an invalid one stops the start), its change watcher and its health. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    CurrentDirectory currentDirectory(DirectoryProperties properties, ResourceLoader resources, MeterRegistry registry)
            throws IOException {
        return new CurrentDirectory(new ResourceDirectorySource(resources, properties.location()),
                new DirectoryLoader(), new MicrometerDirectoryMetrics(registry));
    }

    @Bean
    DirectoryWatcher directoryWatcher(CurrentDirectory directory, DirectoryProperties properties) {
        return new DirectoryWatcher(directory, properties.checkInterval());
    }

    @Bean
    HealthIndicator directoryHealthIndicator(CurrentDirectory directory) {
        return () -> Health.up()
                .withDetail("rulesVersion", directory.engine().rulesVersion())
                .withDetail("authorities", directory.engine().directory().authorityCount())
                .build();
    }
}
