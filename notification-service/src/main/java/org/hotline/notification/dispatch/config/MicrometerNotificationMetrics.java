package org.hotline.notification.dispatch.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;

/** The metrics of docs/notification.md, in Micrometer (exported for Prometheus). */
final class MicrometerNotificationMetrics implements NotificationMetrics {

    private final MeterRegistry meters;
    private final Timer smtpLatency;
    private final Timer endToEnd;
    private final Timer unrecordedWindow;

    MicrometerNotificationMetrics(MeterRegistry meters, IntSupplier backlog, IntSupplier known) {
        this.meters = meters;
        this.smtpLatency = Timer.builder("notification.smtp.latency").description("One SMTP send, start to reply")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(meters);
        this.endToEnd = Timer.builder("notification.end.to.end")
                .description("From the complaint's receivedAt to its last message sent")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(meters);
        this.unrecordedWindow = Timer.builder("notification.ledger.unrecorded.window")
                .description("From the SMTP server's acceptance to the durable 'sent' record")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(meters);
        Gauge.builder("notification.outbox.pending", backlog, IntSupplier::getAsInt)
                .description("Messages taken from Kafka and not yet sent or failed (bounded by max-backlog; the "
                        + "rest of a backlog waits in Kafka, as consumer lag)")
                .register(meters);
        Gauge.builder("notification.ledger.known", known, IntSupplier::getAsInt)
                .description("Messages the ledger knows in the partitions this instance owns").register(meters);
    }

    @Override
    public void sent(String template, Language language, RecipientType recipientType) {
        meters.counter("notification.messages.sent", "template", template, "language", language.code(),
                "recipient_type", recipientType.name()).increment();
    }

    @Override
    public void failed(String template, Language language, RecipientType recipientType, FailureClass failure) {
        meters.counter("notification.messages.failed", "template", template, "language", language.code(),
                "recipient_type", recipientType.name(), "failure_class", failure.name()).increment();
    }

    @Override
    public void retried(String template, RecipientType recipientType, FailureClass failure) {
        meters.counter("notification.retries", "template", template, "recipient_type", recipientType.name(),
                "failure_class", failure.name()).increment();
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
        meters.counter("notification.template.fallbacks", "template", template, "requested", requested.code(),
                "used", used.code()).increment();
    }

    @Override
    public void inDoubt(int count) {
        meters.counter("notification.messages.in.doubt").increment(count);
    }

    @Override
    public void unrecordedWindow(Duration window) {
        unrecordedWindow.record(window);
    }

    @Override
    public void outcomeNotPublished() {
        meters.counter("notification.outcomes.unpublished").increment();
    }
}
