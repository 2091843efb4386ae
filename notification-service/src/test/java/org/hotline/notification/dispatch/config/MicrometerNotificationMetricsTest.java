package org.hotline.notification.dispatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.junit.jupiter.api.Test;

class MicrometerNotificationMetricsTest {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void registersTheCountersOfTheAlertsAndTheDashboardAtZeroBeforeTheFirstMessage() {
        // when the service starts
        new MicrometerNotificationMetrics(meters, () -> 0, () -> 0);

        // then every template, language and failure class has its counters, at 0, under the hotline prefix
        assertThat(counters(meters, "hotline.notification.messages.sent")).hasSize(9 * 3)
                .allMatch(counter -> counter.count() == 0);
        assertThat(counters(meters, "hotline.notification.messages.failed")).hasSize(9 * 3 * 4)
                .allMatch(counter -> counter.count() == 0);
        assertThat(counters(meters, "hotline.notification.retries")).hasSize(9 * 2)
                .allMatch(counter -> counter.count() == 0);
        assertThat(meters.get("hotline.notification.retries").tags("template", "authority-notice",
                "recipient_type", "AUTHORITY", "failure_class", "TRANSIENT").counter().count()).isZero();
        assertThat(meters.scrape()).contains("hotline_notification_messages_sent_total{",
                "hotline_notification_messages_in_doubt_total", "hotline_notification_outcomes_unpublished_total",
                "hotline_notification_outbox_pending").doesNotContain("\nnotification_");
    }

    @Test
    void theBacklogGaugesStillReadTheirValuesAfterAGarbageCollection() {
        // given gauges on lambdas that nothing but the registry holds, as the service's configuration makes them
        int[] pending = {1234};
        new MicrometerNotificationMetrics(meters, () -> pending[0], () -> 56);

        // when the heap is collected
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        // then they read the backlog, not NaN
        assertThat(meters.get("hotline.notification.outbox.pending").gauge().value()).isEqualTo(1234);
        assertThat(meters.get("hotline.notification.ledger.known").gauge().value()).isEqualTo(56);
    }

    @Test
    void countsASendOnTheCounterRegisteredAtStart() {
        // given
        MicrometerNotificationMetrics metrics = new MicrometerNotificationMetrics(meters, () -> 0, () -> 0);

        // when
        metrics.sent("complainant-update", Language.KK, RecipientType.COMPLAINANT);
        metrics.failed("authority-reminder", Language.RU, RecipientType.AUTHORITY, FailureClass.REJECTED);

        // then
        assertThat(meters.get("hotline.notification.messages.sent").tags("template", "complainant-update",
                "language", "kk").counter().count()).isEqualTo(1);
        assertThat(meters.get("hotline.notification.messages.failed").tags("template", "authority-reminder",
                "language", "ru", "failure_class", "REJECTED").counter().count()).isEqualTo(1);
        assertThat(counters(meters, "hotline.notification.messages.sent")).hasSize(9 * 3);
    }

    @Test
    void theTemplatesCountedAtStartAreTheTemplatesShipped() throws IOException, URISyntaxException {
        // given the shipped templates, one folder each
        Path shipped = Path.of(getClass().getClassLoader().getResource("mail-templates").toURI());
        List<String> folders;
        try (Stream<Path> children = Files.list(shipped)) {
            folders = children.map(folder -> folder.getFileName().toString()).toList();
        }

        // then
        assertThat(MicrometerNotificationMetrics.templates().keySet()).containsExactlyInAnyOrderElementsOf(folders);
    }

    @Test
    void theEndToEndHistogramTellsATwentyMinuteWaitFromAThirtySecondOne() {
        // given
        MicrometerNotificationMetrics metrics = new MicrometerNotificationMetrics(meters, () -> 0, () -> 0);

        // when one message waited 1,289 s, as the longest did in the backlog the default histogram hid
        metrics.endToEnd(Duration.ofSeconds(1_289));

        // then buckets above 30 s place it, up to 2 hours, and the 10 s objective is a bucket bound of its own
        List<String> buckets = meters.scrape().lines()
                .filter(line -> line.startsWith("hotline_notification_end_to_end_seconds_bucket")).toList();
        assertThat(buckets).hasSize(91).contains(
                "hotline_notification_end_to_end_seconds_bucket{le=\"10.0\"} 0",
                "hotline_notification_end_to_end_seconds_bucket{le=\"1099.511627776\"} 0",
                "hotline_notification_end_to_end_seconds_bucket{le=\"1466.015503701\"} 1",
                "hotline_notification_end_to_end_seconds_bucket{le=\"7200.0\"} 1");
    }

    private static List<Counter> counters(MeterRegistry meters, String name) {
        return List.copyOf(meters.find(name).counters());
    }
}
