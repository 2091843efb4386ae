package org.hotline.routing.directory.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.directory.application.DirectorySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Where the directory's files are read from, and the metrics of their loads. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    DirectorySource directorySource(DirectoryProperties properties, ResourceLoader resources) {
        return new ResourceDirectorySource(resources, properties.location());
    }

    @Bean
    DirectoryMetrics directoryMetrics(MeterRegistry registry) {
        return new MicrometerDirectoryMetrics(registry);
    }
}
