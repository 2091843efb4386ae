package org.hotline.routing.directory.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.routing.directory.application.DirectoryMetrics;

/**
 * {@code hotline_routing_rules_loaded{version}} is 1 for the rules version in use (and only that one, so an
 * alert can compare instances); {@code hotline_routing_directory_reload_failures_total} counts reloads that
 * kept the old directory; {@code hotline_routing_directory_authorities} and {@code hotline_routing_rules} size it.
 */
final class MicrometerDirectoryMetrics implements DirectoryMetrics {

    private final MultiGauge version;
    private final Counter failures;
    private final AtomicInteger authorities = new AtomicInteger();
    private final AtomicInteger rules = new AtomicInteger();

    MicrometerDirectoryMetrics(MeterRegistry registry) {
        this.version = MultiGauge.builder("hotline.routing.rules.loaded")
                .description("1 for the version of the routing rules in use, labelled by version")
                .register(registry);
        this.failures = Counter.builder("hotline.routing.directory.reload.failures")
                .description("Reloads of the jurisdiction directory that failed and kept the previous one")
                .register(registry);
        Gauge.builder("hotline.routing.directory.authorities", authorities, AtomicInteger::get)
                .description("Authorities in the loaded directory").register(registry);
        Gauge.builder("hotline.routing.rules", rules, AtomicInteger::get)
                .description("Rules in the loaded rule book").register(registry);
    }

    @Override
    public void loaded(String rulesVersion, int authorityCount, int ruleCount) {
        version.register(List.of(MultiGauge.Row.of(Tags.of("version", rulesVersion), 1)), true);
        authorities.set(authorityCount);
        rules.set(ruleCount);
    }

    @Override
    public void reloadFailed() {
        failures.increment();
    }
}
