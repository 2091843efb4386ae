package org.hotline.intake.complaint.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.domain.Category;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.Lane;
import org.springframework.stereotype.Component;

/**
 * The intake's metrics. Every label value comes from a closed list (enums, ISO codes the validator checked,
 * a fixed set of reasons), so neither complaint text nor contact details can reach Prometheus, and label
 * cardinality stays bounded: a free-text region of an unlisted country is labelled {@code other}.
 */
@Component
class MicrometerIntakeMetrics implements IntakeMetrics {

    private final MeterRegistry registry;

    /**
     * Registers the committed publish timer at start: the dashboard counts accepted complaints by it, and a timer
     * that first appeared with the first complaint would show "No data" until then. The failed outcome still
     * appears with the first failure, saving its 69 zero buckets.
     */
    MicrometerIntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        publishTimer(true);
        for (Lane lane : Lane.values()) {
            laneCounter(lane);
        }
    }

    /** One increment per category of the complaint: a complaint of extortion and harassment counts in both. */
    @Override
    public void accepted(Complaint complaint) {
        String region = complaint.location().regionKnown() ? complaint.location().region() : "other";
        for (Category category : complaint.incident().categories()) {
            Counter.builder("hotline.intake.complaints.accepted")
                    .description("Complaints made durable, counted once per category they name")
                    .tag("channel", complaint.channel().name())
                    .tag("country", complaint.location().country())
                    .tag("region", region == null ? "none" : region)
                    .tag("category", category.name())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void laned(Lane lane) {
        laneCounter(lane).increment();
    }

    private Counter laneCounter(Lane lane) {
        return Counter.builder("hotline.intake.complaints.laned")
                .description("Complaints made durable, by lane: bulk for a source beyond its priority allowance")
                .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    @Override
    public void rejected(String reason) {
        Counter.builder("hotline.intake.complaints.rejected")
                .description("Requests that did not become a complaint, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void published(Duration latency, boolean succeeded) {
        publishTimer(succeeded).record(latency);
    }

    private Timer publishTimer(boolean succeeded) {
        return Timer.builder("hotline.intake.publish")
                .description("Time a request waited for its complaint's transaction to commit or fail, queue included")
                .tag("outcome", succeeded ? "committed" : "failed")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Complaints per transaction: how much group commit shares; 1 everywhere means no sharing at all. */
    @Override
    public void transactionEnded(int complaints, boolean committed) {
        DistributionSummary.builder("hotline.intake.transaction.complaints")
                .description("Complaints that shared one Kafka transaction (group commit)")
                .baseUnit("complaints")
                .tag("outcome", committed ? "committed" : "failed")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500)
                .register(registry)
                .record(complaints);
    }
}
