package org.hotline.notification.dispatch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, once. Each send is bracketed by an intent record before and a result record
 * after, both durable, so a restart can tell sent, failed, pending and in-doubt messages apart.
 *
 * <p>Runs on its own scheduled thread, never on a Kafka consumer thread: an SMTP outage delays mail but never
 * holds a partition, blocks other complaints' events or stretches a poll into a consumer-group rebalance.
 * Transient failures are retried with exponential back-off; permanent ones produce a failure outcome, a
 * metric and a caseworker alert.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int UNREPORTED_PER_ROUND = 100;

    private final Outbox outbox;
    private final MailGateway gateway;
    private final MailRenderer renderer;
    private final MessagePlanner planner;
    private final OutcomePublisher outcomes;
    private final NotificationMetrics metrics;
    private final RetryPolicy retryPolicy;
    private final InDoubtPolicy inDoubtPolicy;
    private final int batchSize;
    private final Clock clock;

    public Dispatcher(Outbox outbox, MailGateway gateway, MailRenderer renderer, MessagePlanner planner,
            OutcomePublisher outcomes, NotificationMetrics metrics, RetryPolicy retryPolicy,
            InDoubtPolicy inDoubtPolicy, int batchSize, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.renderer = renderer;
        this.planner = planner;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.retryPolicy = retryPolicy;
        this.inDoubtPolicy = inDoubtPolicy;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Renders a planned message and queues it, unless the ledger already knows it. */
    void queue(PlannedMessage planned) {
        if (outbox.contains(planned.messageId())) {
            return;
        }
        Instant now = clock.instant();
        byte[] mime;
        try {
            mime = renderer.render(planned);
        } catch (UndeliverableMessageException e) {
            QueuedMessage refused = toQueued(planned, new byte[0]);
            if (outbox.enqueue(refused, now)) {
                failForGood(refused, 0, FailureClass.INVALID_ADDRESS, e.getMessage());
            }
            return;
        }
        outbox.enqueue(toQueued(planned, mime), now);
    }

    /**
     * Flags, and by policy resends or not, the sends a previous run started without recording a result; and
     * publishes the outcomes it settled without publishing.
     */
    public void recoverInDoubt() {
        reportUnreported();
        List<OutboxEntry> inDoubt = outbox.inDoubt();
        if (inDoubt.isEmpty()) {
            return;
        }
        metrics.inDoubt(inDoubt.size());
        log.warn("{} message(s) were being sent when the service last stopped; policy {}", inDoubt.size(),
                inDoubtPolicy);
        for (OutboxEntry entry : inDoubt) {
            settleInDoubt(entry.message(), entry.attempts());
        }
    }

    private void settleInDoubt(QueuedMessage message, int attempts) {
        if (inDoubtPolicy == InDoubtPolicy.RESEND) {
            outbox.recordRetry(message.messageId(), attempts, FailureClass.IN_DOUBT, clock.instant());
            alert(message, FailureClass.IN_DOUBT, "resent with the same Message-ID by policy");
        } else {
            failForGood(message, attempts, FailureClass.IN_DOUBT,
                    "not resent by policy: check with the recipient whether it arrived");
        }
    }

    /** Sends the messages that are due; returns how many it handled. */
    public int dispatchDue() {
        reportUnreported();
        List<OutboxEntry> due = outbox.due(clock.instant(), batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        MailGateway.Session session;
        try {
            session = gateway.open();
        } catch (DeliveryException e) {
            log.warn("SMTP server unavailable, {} message(s) wait: {}", due.size(), e.getMessage());
            for (OutboxEntry entry : due) {
                settleFailure(entry, entry.attempts() + 1, e);
            }
            return due.size();
        }
        try (session) {
            for (OutboxEntry entry : due) {
                if (entry.message().mime().length == 0) {
                    failForGood(entry.message(), entry.attempts(), FailureClass.INVALID_ADDRESS,
                            "refused before rendering");
                } else {
                    send(session, entry);
                }
            }
        }
        return due.size();
    }

    private void send(MailGateway.Session session, OutboxEntry entry) {
        QueuedMessage message = entry.message();
        int attempt = entry.attempts() + 1;
        outbox.recordIntent(message.messageId(), attempt, clock.instant());
        long started = System.nanoTime();
        try {
            session.send(message);
        } catch (DeliveryException e) {
            metrics.smtpLatency(Duration.ofNanos(System.nanoTime() - started));
            settleFailure(entry, attempt, e);
            return;
        } catch (RuntimeException e) {
            // Nobody knows how far an unexpected failure got: settle it as in doubt now, rather than leave an
            // intent without a result that only a restart would find.
            log.error("message {} failed unexpectedly while being sent", message.messageId(), e);
            settleFailure(entry, attempt, new DeliveryException(FailureClass.IN_DOUBT,
                    "unexpected failure while sending: " + e, e));
            return;
        }
        long accepted = System.nanoTime();
        metrics.smtpLatency(Duration.ofNanos(accepted - started));
        Instant now = clock.instant();
        outbox.recordSent(message.messageId(), attempt, now);
        metrics.unrecordedWindow(Duration.ofNanos(System.nanoTime() - accepted));
        metrics.sent(message.template(), message.language(), message.recipientType());
        publish(Outcome.of(message, true, attempt, null, now));
        if (outbox.settled(message.complaintId())) {
            metrics.endToEnd(Duration.between(message.receivedAt(), now));
        }
    }

    private void settleFailure(OutboxEntry entry, int attempt, DeliveryException failure) {
        QueuedMessage message = entry.message();
        if (failure.failure() == FailureClass.IN_DOUBT) {
            // The connection failed after the server took the data and before it answered: the same doubt as a
            // crash inside the send, settled by the same policy.
            metrics.inDoubt(1);
            log.warn("message {} ({}, {}) may or may not have been delivered: {}; policy {}", message.messageId(),
                    message.recipientType(), message.template(), failure.getMessage(), inDoubtPolicy);
            settleInDoubt(message, attempt);
            return;
        }
        if (failure.failure().permanent()) {
            failForGood(message, attempt, failure.failure(), failure.getMessage());
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(entry.queuedAt(), now).compareTo(retryPolicy.giveUpAfter()) > 0) {
            failForGood(message, attempt, FailureClass.RETRIES_EXHAUSTED, failure.getMessage());
            return;
        }
        outbox.recordRetry(message.messageId(), attempt, failure.failure(),
                now.plus(retryPolicy.delayAfter(attempt)));
        metrics.retried(message.template(), message.recipientType(), failure.failure());
    }

    private void failForGood(QueuedMessage message, int attempts, FailureClass failure, @Nullable String detail) {
        Instant now = clock.instant();
        outbox.recordFailed(message.messageId(), attempts, failure, now);
        metrics.failed(message.template(), message.language(), message.recipientType(), failure);
        log.warn("message {} ({}, {}) failed for good: {}", message.messageId(), message.recipientType(),
                message.template(), failure);
        publish(Outcome.of(message, false, attempts, failure, now));
        alert(message, failure, detail);
    }

    private void alert(QueuedMessage message, FailureClass failure, @Nullable String detail) {
        if (MessagePlanner.CASEWORKER_ALERT.equals(message.template())) {
            return;
        }
        queue(planner.alert(new MessagePlanner.AlertSubject(message.complaintId(), message.reference(),
                message.receivedAt(), message.messageId(), message.recipientType(), message.authorityId(),
                message.template(), failure, detail)));
    }

    /**
     * Publishes the outcomes a crash or a broker outage left unpublished (the ledger knows them), a few at a time,
     * stopping at the first failure so that an unreachable broker does not hold up sending.
     */
    void reportUnreported() {
        for (Outcome outcome : outbox.unreported(UNREPORTED_PER_ROUND)) {
            if (!publish(outcome)) {
                return;
            }
        }
    }

    private boolean publish(Outcome outcome) {
        try {
            outcomes.publish(outcome);
        } catch (RuntimeException e) {
            metrics.outcomeNotPublished();
            log.error("outcome of message {} could not be published; published again later", outcome.messageId(),
                    e);
            return false;
        }
        outbox.recordReported(outcome.messageId());
        return true;
    }

    private static QueuedMessage toQueued(PlannedMessage planned, byte[] mime) {
        return new QueuedMessage(planned.messageId(), planned.complaintId(), planned.reference(),
                planned.receivedAt(), planned.recipientType(), planned.authorityId(), planned.template(),
                planned.language(), mime);
    }
}
