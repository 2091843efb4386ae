package org.hotline.intake.complaint.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerIntakeMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theCommittedPublishTimerTheDashboardCountsExistsAtZeroBeforeTheFirstComplaint() {
        // when the service starts
        new MicrometerIntakeMetrics(registry);

        // then
        assertThat(registry.get("hotline.intake.publish").tag("outcome", "committed").timer().count()).isZero();
        assertThat(registry.find("hotline.intake.publish").tag("outcome", "failed").timer()).isNull();
    }

    @Test
    void countsEachPublishOnTheTimerOfItsOutcome() {
        // given
        MicrometerIntakeMetrics metrics = new MicrometerIntakeMetrics(registry);

        // when
        metrics.published(Duration.ofMillis(12), true);
        metrics.published(Duration.ofMillis(40), false);

        // then
        assertThat(registry.get("hotline.intake.publish").tag("outcome", "committed").timer().count()).isEqualTo(1);
        assertThat(registry.get("hotline.intake.publish").tag("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
