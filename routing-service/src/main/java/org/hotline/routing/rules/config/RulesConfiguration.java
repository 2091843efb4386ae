package org.hotline.routing.rules.config;

import java.io.IOException;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.directory.config.DirectoryProperties;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.routing.rules.yaml.YamlRoutingEngineLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing engine built from the directory's files at start (an invalid directory stops the start), the watcher
 * that reloads it when the files change, and its health.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    CurrentRoutingEngine currentRoutingEngine(DirectorySource source, DirectoryMetrics metrics) throws IOException {
        return new CurrentRoutingEngine(source, new YamlRoutingEngineLoader(), metrics);
    }

    @Bean
    DirectoryWatcher directoryWatcher(CurrentRoutingEngine engine, DirectoryProperties properties) {
        return new DirectoryWatcher(engine, properties.checkInterval());
    }

    @Bean
    HealthIndicator directoryHealthIndicator(CurrentRoutingEngine engine) {
        return () -> Health.up()
                .withDetail("rulesVersion", engine.engine().rulesVersion())
                .withDetail("authorities", engine.engine().directory().authorityCount())
                .build();
    }
}
