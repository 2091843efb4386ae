package org.hotline.routing.complaint.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;

/**
 * Routing's metrics. Labels come from closed lists (authority types, ISO region codes of a checked shape,
 * fixed dead-letter reasons), so no complaint text reaches Prometheus and cardinality stays bounded.
 */
final class MicrometerRoutingMetrics implements RoutingMetrics {

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    private final MeterRegistry registry;
    private final Timer decisionTime;
    private final Counter fallbacks;
    private final DistributionSummary pollRecords;

    MicrometerRoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decisionTime = Timer.builder("hotline.routing.decision")
                .description("Time to decide where a complaint goes, directory look-ups included")
                .publishPercentileHistogram()
                .register(registry);
        this.fallbacks = Counter.builder("hotline.routing.fallbacks")
                .description("Decisions where triage leads because the place or the rules could not decide")
                .register(registry);
        this.pollRecords = DistributionSummary.builder("hotline.routing.poll.records")
                .description("ComplaintReceived records handled per poll, each poll in one Kafka transaction")
                .register(registry);
    }

    @Override
    public void decided(ComplaintFacts facts, Decision decision, Duration took) {
        decisionTime.record(took);
        String region = facts.regionKnown() && facts.region() != null && REGION.matcher(facts.region()).matches()
                ? facts.region() : "other";
        Counter.builder("hotline.routing.decisions")
                .description("Complaints routed, by the type of the body that leads and the complaint's region")
                .tag("primary_type", decision.primary().authority().type().name())
                .tag("region", region)
                .tag("fallback", String.valueOf(decision.fallback()))
                .register(registry)
                .increment();
        if (decision.fallback()) {
            fallbacks.increment();
        }
    }

    @Override
    public void deadLettered(String reason) {
        Counter.builder("hotline.routing.dead.letters")
                .description("ComplaintReceived records sent to the dead-letter topic, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void pollHandled(int records) {
        pollRecords.record(records);
    }
}
