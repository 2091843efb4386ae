package org.hotline.cases.escalation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAcknowledged;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LadderMetricsTest {

    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final ComplaintDecided DECIDED = new ComplaintDecided(ID, "HL-1", RECEIVED, "hash",
            List.of(body("akimat", "EDUCATION_AUTHORITY"), body("unknown", "MINISTRY_OF_MAGIC")),
            Circumstances.UNKNOWN);
    private static final BodyNotified NOTIFIED = new BodyNotified(ID, "akimat", RECEIVED, true);
    private static final BodyAcknowledged ACKNOWLEDGED = new BodyAcknowledged(ID, "akimat",
            RECEIVED.plus(Duration.ofDays(2)), "No. 1");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LadderMetrics metrics = new LadderMetrics(meters);

    @Test
    void countsOverdueAssignmentsByBodyTypeAndRegionSummedOverTheTasksItHolds() {
        LadderMetrics.Overdue kostanayPolice = new LadderMetrics.Overdue("POLICE", "KZ-39");
        metrics.overdue("0_0", Map.of(kostanayPolice, 2L, new LadderMetrics.Overdue("POLICE", "KZ-75"), 1L));
        metrics.overdue("0_1", Map.of(kostanayPolice, 1L));

        assertThat(overdue("POLICE", "KZ-39")).isEqualTo(3.0);
        assertThat(overdue("POLICE", "KZ-75")).isEqualTo(1.0);

        // the partition of task 0_1 moves to another instance: its count goes with it
        metrics.forget("0_1");
        metrics.overdue("0_0", Map.of());
        assertThat(overdue("POLICE", "KZ-39")).isZero();
    }

    private double overdue(String type, String region) {
        return meters.get("hotline.cases.assignments.overdue").tag("authority_type", type).tag("region", region)
                .gauge().value();
    }

    @Test
    void recordsTheLatencyOnceWhenTheAcknowledgementLands() {
        CaseFile notified = applied(null, DECIDED, NOTIFIED);

        CaseFile acknowledged = applied(notified, ACKNOWLEDGED);
        applied(acknowledged, new BodyAcknowledged(ID, "akimat", RECEIVED.plus(Duration.ofDays(3)), "No. 2"));

        Timer latency = latency("EDUCATION_AUTHORITY");
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.DAYS)).isEqualTo(2.0);
    }

    @Test
    void recordsWhenTheNoticeArrivesAfterTheAcknowledgement() {
        CaseFile acknowledgedFirst = applied(null, DECIDED, ACKNOWLEDGED);
        assertThat(latency("EDUCATION_AUTHORITY").count()).isZero();

        applied(acknowledgedFirst, NOTIFIED);

        assertThat(latency("EDUCATION_AUTHORITY").count()).isEqualTo(1);
    }

    @Test
    void recordsNothingForAFileThatAlreadyKnewTheAcknowledgement() {
        CaseFile done = CaseFile.open(ID).apply(DECIDED).apply(NOTIFIED).apply(ACKNOWLEDGED);

        metrics.acknowledgements(done, done.apply(NOTIFIED));

        assertThat(latency("EDUCATION_AUTHORITY").count()).isZero();
    }

    @Test
    void labelsABodyTypeTheClocksDoNotKnowAsOther() {
        CaseFile notified = applied(null, DECIDED, new BodyNotified(ID, "unknown", RECEIVED, true));

        applied(notified, new BodyAcknowledged(ID, "unknown", RECEIVED.plus(Duration.ofHours(1)), "No. 3"));

        assertThat(latency(LadderMetrics.OTHER_TYPE).count()).isEqualTo(1);
        assertThat(meters.find("hotline.cases.acknowledgement.latency").tag("authority_type", "MINISTRY_OF_MAGIC")
                .timer()).isNull();
    }

    @Test
    void publishesTheBucketsForPrometheusInSeconds() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LadderMetrics published = new LadderMetrics(prometheus);
        CaseFile notified = CaseFile.open(ID).apply(DECIDED).apply(NOTIFIED);

        published.acknowledgements(notified, notified.apply(ACKNOWLEDGED));

        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("hotline_cases_acknowledgement_latency_seconds_bucket{authority_type=\"EDUCATION_AUTHORITY\","
                        + "le=\"86400.0\"} 0")
                .contains("hotline_cases_acknowledgement_latency_seconds_bucket{authority_type=\"EDUCATION_AUTHORITY\","
                        + "le=\"259200.0\"} 1")
                .contains("le=\"3600.0\"", "le=\"604800.0\"", "le=\"1296000.0\"", "le=\"2592000.0\"");
    }

    /** Applies {@code events} one by one, as the processor does, recording each step's metrics. */
    private CaseFile applied(@Nullable CaseFile start, CaseEvent... events) {
        CaseFile file = start;
        for (CaseEvent event : events) {
            CaseFile next = (file == null ? CaseFile.open(ID) : file).apply(event);
            metrics.acknowledgements(file, next);
            file = next;
        }
        return file;
    }

    private Timer latency(String type) {
        return meters.get("hotline.cases.acknowledgement.latency").tag("authority_type", type).timer();
    }

    private static Assignment body(String id, String type) {
        return new Assignment(id, type, Map.of("en", id), "PRIMARY", "ru", LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 22), null, false, null, null, null);
    }
}
