package org.hotline.notification.dispatch.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.hotline.notification.dispatch.application.BatchStage;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.RecipientType;

/**
 * The metrics of docs/notification.md, in Micrometer (exported for Prometheus), all named {@code hotline.notification.*}
 * like the other services' {@code hotline.<service>.*}.
 *
 * <p>The counters the alerts and the dashboard read are registered at start, at 0, for every label value known
 * then: every template with its kind of recipient, in every language, and every failure class it can be counted
 * with. A counter that appeared only at its first increment would have no sample before it, so Prometheus's
 * {@code increase()} would miss that first one, and a panel would show "No data" instead of 0. That is 27 series
 * sent, 108 failed and 18 retried.
 */
final class MicrometerNotificationMetrics implements NotificationMetrics {

    /** The failure classes a message is retried for: transient ones, and in-doubt ones under the RESEND policy. */
    private static final FailureClass[] RETRIED = {FailureClass.TRANSIENT, FailureClass.IN_DOUBT};

    private final MeterRegistry meters;
    private final Timer smtpLatency;
    private final Timer endToEnd;
    private final Timer unrecordedWindow;
    private final Map<BatchStage, Timer> stages = new EnumMap<>(BatchStage.class);

    MicrometerNotificationMetrics(MeterRegistry meters, IntSupplier backlog, IntSupplier known) {
        this.meters = meters;
        this.smtpLatency = Timer.builder("hotline.notification.smtp.latency")
                .description("One SMTP send, start to reply")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(meters);
        // The default histogram ends at 30 s, so a backlog's hour-long waits all fell in +Inf and every quantile
        // read 30 s. It now reaches 2 hours (a quantile above that reads 2 h), starts at 10 ms (no complaint
        // reaches an email faster: Kafka, routing and SMTP lie between), and has the 10 s objective of
        // HotlineEndToEndLatencyHigh as a bound of its own: 91 buckets instead of 69.
        this.endToEnd = Timer.builder("hotline.notification.end.to.end")
                .description("From the complaint's receivedAt to its last message sent")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(2))
                .serviceLevelObjectives(Duration.ofSeconds(10)).register(meters);
        this.unrecordedWindow = Timer.builder("hotline.notification.ledger.unrecorded.window")
                .description("From the SMTP server's acceptance to the durable 'sent' record")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(meters);
        // Micrometer holds a gauge's object weakly unless told otherwise, and nothing else holds these two
        // lambdas: after the first garbage collection both gauges read NaN (a 30,000-email backlog went unseen).
        Gauge.builder("hotline.notification.outbox.pending", backlog, IntSupplier::getAsInt)
                .description("Messages taken from Kafka and not yet sent or failed (bounded by max-backlog; the "
                        + "rest of a backlog waits in Kafka, as consumer lag)")
                .strongReference(true).register(meters);
        Gauge.builder("hotline.notification.ledger.known", known, IntSupplier::getAsInt)
                .description("Messages the ledger knows in the partitions this instance owns")
                .strongReference(true).register(meters);
        templates().forEach((template, recipientType) -> {
            for (Language language : Language.values()) {
                sentCounter(template, language, recipientType);
                for (FailureClass failure : FailureClass.values()) {
                    if (failure.permanent()) {
                        failedCounter(template, language, recipientType, failure);
                    }
                }
            }
            for (FailureClass failure : RETRIED) {
                retriesCounter(template, recipientType, failure);
            }
        });
        for (BatchStage stage : BatchStage.values()) {
            stages.put(stage, Timer.builder("hotline.notification.batch.stage")
                    .description("One step of a sender's batch: waited (due to taken), rendered, connected (only "
                            + "when a connection was opened), intents_written, sent, results_written")
                    .tag("stage", stage.tag()).publishPercentiles(0.5, 0.95, 0.99).register(meters));
        }
        meters.counter("hotline.notification.messages.in.doubt");
        meters.counter("hotline.notification.outcomes.unpublished");
    }

    /** Every template the planners write, with its kind of recipient. */
    static Map<String, RecipientType> templates() {
        Map<String, RecipientType> templates = new HashMap<>(MessagePlanner.TEMPLATES);
        templates.putAll(LadderPlanner.TEMPLATES);
        return templates;
    }

    @Override
    public void sent(String template, Language language, RecipientType recipientType) {
        sentCounter(template, language, recipientType).increment();
    }

    @Override
    public void failed(String template, Language language, RecipientType recipientType, FailureClass failure) {
        failedCounter(template, language, recipientType, failure).increment();
    }

    @Override
    public void retried(String template, RecipientType recipientType, FailureClass failure) {
        retriesCounter(template, recipientType, failure).increment();
    }

    private Counter sentCounter(String template, Language language, RecipientType recipientType) {
        return meters.counter("hotline.notification.messages.sent", "template", template, "language",
                language.code(), "recipient_type", recipientType.name());
    }

    private Counter failedCounter(String template, Language language,
            RecipientType recipientType, FailureClass failure) {
        return meters.counter("hotline.notification.messages.failed", "template", template, "language",
                language.code(), "recipient_type", recipientType.name(), "failure_class", failure.name());
    }

    private Counter retriesCounter(String template, RecipientType recipientType, FailureClass failure) {
        return meters.counter("hotline.notification.retries", "template", template, "recipient_type",
                recipientType.name(), "failure_class", failure.name());
    }

    @Override
    public void smtpLatency(Duration latency) {
        smtpLatency.record(latency);
    }

    @Override
    public void endToEnd(Duration latency) {
        endToEnd.record(latency);
    }

    @Override
    public void templateFallback(String template, Language requested, Language used) {
        meters.counter("hotline.notification.template.fallbacks", "template", template, "requested",
                requested.code(), "used", used.code()).increment();
    }

    @Override
    public void inDoubt(int count) {
        meters.counter("hotline.notification.messages.in.doubt").increment(count);
    }

    @Override
    public void unrecordedWindow(Duration window) {
        unrecordedWindow.record(window);
    }

    @Override
    public void outcomeNotPublished() {
        meters.counter("hotline.notification.outcomes.unpublished").increment();
    }

    @Override
    public void batchStage(BatchStage stage, Duration took) {
        stages.get(stage).record(took);
    }
}
