package org.hotline.notification.dispatch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Plans the messages of each routed complaint and sends each once, over a pool of SMTP connections.
 *
 * <p>The Kafka consumer hands over each routed record ({@link #accept}); the ledger says which of its messages are
 * already settled, and the rest wait in the {@link Backlog}, which the consumer keeps bounded. Senders
 * ({@link #sendDue}, one thread and one SMTP connection each) take due messages in batches. For each batch:
 * <ol>
 *   <li>render each message (its content exists only now, never while it waits);</li>
 *   <li>write an {@code INTENT} record for all of them, one durable ledger write per partition: found alone after a
 *       crash, the send is in doubt and is never repeated blindly;</li>
 *   <li>send them over the connection;</li>
 *   <li>write the results ({@code SENT}, {@code RETRY}, {@code FAILED}) with the outcome events they settle, again
 *       one durable write per partition, the outcome and the result in one Kafka transaction;</li>
 *   <li>only then count a message settled, so that its routed record's offset may be committed.</li>
 * </ol>
 * Transient failures are retried with exponential back-off; permanent ones produce a failure outcome, a metric and
 * a caseworker alert. Nothing here runs on the Kafka consumer's thread but {@link #accept}: an SMTP outage delays
 * mail but never stretches a poll into a rebalance.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * The MDC key naming the complaint a log line is about, as the other services name it
     * ({@code org.hotline.web.tracing.ComplaintTracing.COMPLAINT_ID}, which this layer does not import).
     */
    private static final String COMPLAINT_ID = "complaintId";
    private static final Duration MAX_LEDGER_WAIT = Duration.ofSeconds(10);
    private static final String DETAIL_NOT_KEPT = "settled before a restart or a rebalance; the detail is not kept";

    private final Ledger ledger;
    private final MailGateway gateway;
    private final MailRenderer renderer;
    private final MessagePlanner planner;
    private final NotificationMetrics metrics;
    private final RetryPolicy retryPolicy;
    private final InDoubtPolicy inDoubtPolicy;
    private final int batchSize;
    private final Duration ledgerRetry;
    private final Clock clock;
    private final MessageTraces traces;
    private final Backlog backlog = new Backlog();
    private volatile boolean stopping;

    public Dispatcher(Ledger ledger, MailGateway gateway, MailRenderer renderer, MessagePlanner planner,
            NotificationMetrics metrics, RetryPolicy retryPolicy, InDoubtPolicy inDoubtPolicy, int batchSize,
            Duration ledgerRetry, Clock clock, MessageTraces traces) {
        this.ledger = ledger;
        this.gateway = gateway;
        this.renderer = renderer;
        this.planner = planner;
        this.metrics = metrics;
        this.retryPolicy = retryPolicy;
        this.inDoubtPolicy = inDoubtPolicy;
        this.batchSize = batchSize;
        this.ledgerRetry = ledgerRetry;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * The routed record at {@code offset} of {@code partition}: queues the messages it calls for that the ledger does
     * not know as settled. A redelivered record queues nothing already sent; a send found started and never
     * recorded is settled by the in-doubt policy; a message failed for good whose caseworker alert is not settled
     * gets its alert.
     */
    public void accept(int partition, long offset, RoutedComplaint complaint) {
        accept(partition, offset, complaint.receivedAt(), planner.plan(complaint));
    }

    /**
     * The record at {@code offset} of {@code partition}, with the messages it calls for, planned by the caller (the
     * letters of a case's escalation ladder): queues those the ledger does not know as settled, as above.
     *
     * @param receivedAt when the complaint was received, for the end-to-end latency; null when the messages are
     *     not the complaint's first (a reminder or an escalation), which that measure does not count
     */
    public void accept(int partition, long offset, @Nullable Instant receivedAt, List<PlannedMessage> messages) {
        Instant now = clock.instant();
        Map<String, String> trace = traces.current();
        List<Work> works = new ArrayList<>();
        for (PlannedMessage message : messages) {
            plan(partition, offset, message, now, trace, works);
        }
        backlog.add(partition, offset, receivedAt, works);
    }

    /** A record that calls for no message (it was dead-lettered): its offset may be committed. */
    public void skip(int partition, long offset) {
        backlog.add(partition, offset, null, List.of());
    }

    private void plan(int partition, long offset, PlannedMessage message, Instant now, Map<String, String> trace,
            List<Work> works) {
        LedgerEntry.Known known = ledger.find(partition, message.messageId());
        if (known == null) {
            works.add(new Work(message, partition, offset, 0, now, now, Work.Kind.SEND, trace));
        } else if (known instanceof LedgerEntry.Known.Done done) {
            if (done.status() == LedgerEntry.Status.FAILED
                    && !MessagePlanner.CASEWORKER_ALERT.equals(message.template())) {
                plan(partition, offset, alertAbout(message, done.failure(), DETAIL_NOT_KEPT), now, trace, works);
            }
        } else if (known instanceof LedgerEntry.Known.Unfinished unfinished) {
            // Never FAILED: a failure is final, so always Done.
            switch (unfinished.status()) {
                case RETRY -> works.add(new Work(message, partition, offset, unfinished.attempts(),
                        unfinished.queuedAt(), unfinished.at(), Work.Kind.SEND, trace));
                case INTENT -> {
                    metrics.inDoubt(1);
                    log.warn("message {} was being sent when its partition last changed hands; policy {}",
                            message.messageId(), inDoubtPolicy);
                    works.add(new Work(message, partition, offset, unfinished.attempts(), unfinished.queuedAt(), now,
                            Work.Kind.IN_DOUBT, trace));
                }
                // Its sender died after the SMTP server took it and before recording the result.
                case SENT -> works.add(new Work(message, partition, offset, unfinished.attempts(),
                        unfinished.queuedAt(), now, Work.Kind.RECORD_SENT, trace));
            }
        }
    }

    /** Messages taken from Kafka and not yet settled. */
    public int backlog() {
        return backlog.size();
    }

    /** Messages taken from Kafka, not yet settled and not waiting for a retry; the consumer pauses on it. */
    public int activeBacklog() {
        return backlog.active();
    }

    /** {@link #activeBacklog()} for each partition that has any; the consumer pauses a partition on its share. */
    public Map<Integer, Integer> activeBacklogByPartition() {
        return backlog.activeByPartition();
    }

    /** For each partition with records taken, the offset up to which every message is settled. */
    public Map<Integer, Long> committable() {
        return backlog.committable();
    }

    /**
     * The partitions are no longer this instance's (a rebalance, or a ledger writer that broke): forgets their
     * messages after letting the sends in progress finish for up to {@code patience}.
     *
     * @return the offsets that may be committed for them
     */
    public Map<Integer, Long> release(Collection<Integer> partitions, Duration patience) {
        return backlog.release(partitions, patience);
    }

    /** Lets the senders finish the batch in hand and take no more. */
    public void stop() {
        stopping = true;
        backlog.wakeAll();
    }

    /** Waits up to {@code timeout} for a message to come due. */
    public void awaitWork(Duration timeout) {
        Instant nextDue = backlog.nextDue();
        Duration wait = timeout;
        if (nextDue != null) {
            Duration untilDue = Duration.between(clock.instant(), nextDue);
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        }
        if (!wait.isZero() && !stopping) {
            backlog.awaitChange(wait);
        }
    }

    /**
     * Sends a batch of due messages over the sender's connection, opening it when needed. Returns how many
     * messages it handled; 0 when none was due.
     */
    public int sendDue(Connection connection) {
        if (stopping) {
            return 0;
        }
        Instant now = clock.instant();
        List<Work> batch = backlog.takeDue(now, batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        Instant firstDue = batch.stream().map(Work::due).min(Instant::compareTo).orElse(now);
        metrics.batchStage(BatchStage.WAITED, firstDue.isBefore(now) ? Duration.between(firstDue, now)
                : Duration.ZERO);
        long rendering = System.nanoTime();
        Round round = new Round();
        List<Rendered> toSend = new ArrayList<>();
        for (Work work : batch) {
            if (work.kind() == Work.Kind.RECORD_SENT) {
                round.recordSent(work);
                continue;
            }
            if (work.kind() == Work.Kind.IN_DOUBT && inDoubtPolicy == InDoubtPolicy.FLAG) {
                round.fail(work, work.attempts(), FailureClass.IN_DOUBT,
                        "not resent by policy: check with the recipient whether it arrived");
                continue;
            }
            try {
                toSend.add(new Rendered(work, renderer.render(work.message())));
            } catch (UndeliverableMessageException e) {
                round.fail(work, work.attempts(), FailureClass.INVALID_ADDRESS, e.getMessage());
            } catch (RuntimeException e) {
                // A template being edited or a bug: nothing was sent, try again later.
                log.error("message {} could not be rendered", work.messageId(), e);
                round.settleFailure(work, work.attempts() + 1,
                        new DeliveryException(FailureClass.TRANSIENT, "rendering failed: " + e, e));
            }
        }
        metrics.batchStage(BatchStage.RENDERED, since(rendering));
        if (!toSend.isEmpty()) {
            send(connection, toSend, round);
        }
        long finishing = System.nanoTime();
        round.finish();
        metrics.batchStage(BatchStage.RESULTS_WRITTEN, since(finishing));
        return batch.size();
    }

    private void send(Connection connection, List<Rendered> toSend, Round round) {
        MailGateway.Session session;
        boolean opening = !connection.open();
        long connecting = System.nanoTime();
        try {
            session = connection.session(gateway);
            if (opening) {
                metrics.batchStage(BatchStage.CONNECTED, since(connecting));
            }
        } catch (DeliveryException e) {
            log.warn("SMTP server unavailable, {} message(s) wait: {}", toSend.size(), e.getMessage());
            for (Rendered rendered : toSend) {
                round.settleFailure(rendered.work, rendered.work.attempts() + 1, e);
            }
            return;
        }
        long writing = System.nanoTime();
        List<Rendered> intended = writeIntents(toSend, round);
        metrics.batchStage(BatchStage.INTENTS_WRITTEN, since(writing));
        long sending = System.nanoTime();
        boolean broken = false;
        for (Rendered rendered : intended) {
            Work work = rendered.work;
            int attempt = work.attempts() + 1;
            PlannedMessage message = work.message();
            MessageTraces.Send traced = traces.sending(message.complaintId().toString(), work.trace(),
                    message.template(), message.recipientType().name());
            round.traced(work, traced);
            long started = System.nanoTime();
            try (MessageTraces.Scope scope = traced.open()) {
                session.send(rendered.message());
            } catch (DeliveryException e) {
                metrics.smtpLatency(Duration.ofNanos(System.nanoTime() - started));
                broken |= !e.failure().permanent();
                round.settleFailure(work, attempt, e);
                continue;
            } catch (RuntimeException e) {
                // Nobody knows how far an unexpected failure got: settle it as in doubt now.
                log.error("message {} failed unexpectedly while being sent", work.messageId(), e);
                broken = true;
                round.settleFailure(work, attempt, new DeliveryException(FailureClass.IN_DOUBT,
                        "unexpected failure while sending: " + e, e));
                continue;
            }
            metrics.smtpLatency(Duration.ofNanos(System.nanoTime() - started));
            long accepted = System.nanoTime();
            ledger.markSent(entry(work, LedgerEntry.Status.SENT, attempt, null, clock.instant()),
                    () -> metrics.unrecordedWindow(Duration.ofNanos(System.nanoTime() - accepted)));
            round.sent(work, attempt);
        }
        if (!intended.isEmpty()) {
            metrics.batchStage(BatchStage.SENT, since(sending));
        }
        if (broken) {
            connection.close();
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** Writes the intents of the batch; returns the messages whose intent is durable, the only ones sent. */
    private List<Rendered> writeIntents(List<Rendered> toSend, Round round) {
        Instant now = clock.instant();
        Map<Integer, List<Rendered>> byPartition = new LinkedHashMap<>();
        for (Rendered rendered : toSend) {
            byPartition.computeIfAbsent(rendered.work.partition(), p -> new ArrayList<>()).add(rendered);
        }
        List<Rendered> intended = new ArrayList<>();
        for (Map.Entry<Integer, List<Rendered>> group : byPartition.entrySet()) {
            List<LedgerEntry> intents = group.getValue().stream().map(rendered -> entry(rendered.work,
                    LedgerEntry.Status.INTENT, rendered.work.attempts() + 1, null, now)).toList();
            try {
                ledger.write(group.getKey(), intents, List.of());
                intended.addAll(group.getValue());
            } catch (Ledger.LedgerUnavailableException e) {
                log.warn("ledger unavailable, {} message(s) wait: {}", intents.size(), e.getMessage());
                group.getValue().forEach(rendered -> round.later(rendered.work));
            } catch (Ledger.PartitionLostException e) {
                log.info("partition {} changed hands; its {} message(s) are its new owner's", group.getKey(),
                        intents.size());
                group.getValue().forEach(rendered -> round.lost(rendered.work));
            } catch (RuntimeException e) {
                log.error("ledger write failed unexpectedly; {} message(s) wait", intents.size(), e);
                group.getValue().forEach(rendered -> round.later(rendered.work));
            }
        }
        return intended;
    }

    private PlannedMessage alertAbout(PlannedMessage message, @Nullable FailureClass failure,
            @Nullable String detail) {
        return planner.alert(new MessagePlanner.AlertSubject(message.complaintId(), message.reference(),
                message.receivedAt(), message.messageId(), message.recipientType(), message.authorityId(),
                message.template(), failure == null ? FailureClass.RETRIES_EXHAUSTED : failure, detail));
    }

    private static LedgerEntry entry(Work work, LedgerEntry.Status status, int attempts,
            @Nullable FailureClass failure, Instant at) {
        PlannedMessage message = work.message();
        return new LedgerEntry(message.messageId(), work.partition(), message.complaintId(), message.reference(),
                message.receivedAt(), message.recipientType(), message.authorityId(), message.template(),
                message.language(), status, attempts, failure, work.queuedAt(), at);
    }

    /** A message rendered for sending: its MIME content lives as long as this. */
    private record Rendered(Work work, byte[] mime) {
        QueuedMessage message() {
            PlannedMessage planned = work.message();
            return new QueuedMessage(planned.messageId(), planned.complaintId(), planned.reference(),
                    planned.receivedAt(), planned.recipientType(), planned.authorityId(), planned.template(),
                    planned.language(), mime);
        }
    }

    /**
     * The results of one batch, per partition: each partition's records and outcomes are written in one durable
     * write, then applied to the backlog. A partition lost meanwhile has its messages dropped: its new owner plans
     * them again and finds in the ledger what was done.
     */
    private final class Round {

        private final Map<Integer, Group> groups = new LinkedHashMap<>();

        /** The send spans of the round's messages, until their results are recorded. */
        private final Map<Work, MessageTraces.Send> sends = new IdentityHashMap<>();

        private static final class Group {
            final List<LedgerEntry> entries = new ArrayList<>();
            /** The settled entries' outcomes, each with the trace its record carries on. */
            final List<Outcome> outcomes = new ArrayList<>();
            final List<Runnable> actions = new ArrayList<>();
            final List<Work> works = new ArrayList<>();
            /** Ends the send spans, once the results are recorded or dropped. */
            final List<Consumer<Boolean>> ends = new ArrayList<>();
        }

        /** The message's send span: its result's lines are written in it, and its outcome carries it on. */
        void traced(Work work, MessageTraces.Send send) {
            sends.put(work, send);
        }

        void sent(Work work, int attempt) {
            record(work, entry(work, LedgerEntry.Status.SENT, attempt, null, clock.instant()), () -> {
                PlannedMessage message = work.message();
                metrics.sent(message.template(), message.language(), message.recipientType());
                try (MDC.MDCCloseable named = MDC.putCloseable(COMPLAINT_ID, message.complaintId().toString())) {
                    // Never the address: the recipient's type and the authority's id say who it went to.
                    log.info("message {} of complaint {} sent ({}, {}, {})", message.messageId(),
                            message.complaintId(), message.recipientType(), message.template(),
                            message.authorityId() == null ? "no authority" : message.authorityId());
                }
                settled(work);
            });
        }

        /** A send its previous owner made, known from its sent-marker: recorded, with its outcome, and not resent. */
        void recordSent(Work work) {
            log.info("message {} was sent before its partition changed hands; its result is recorded now",
                    work.messageId());
            record(work, entry(work, LedgerEntry.Status.SENT, work.attempts(), null, clock.instant()),
                    () -> settled(work));
        }

        void settleFailure(Work work, int attempt, DeliveryException failure) {
            PlannedMessage message = work.message();
            if (failure.failure() == FailureClass.IN_DOUBT) {
                // The connection failed after the server took the data and before it answered: the same doubt as
                // a crash inside the send, settled by the same policy.
                metrics.inDoubt(1);
                log.warn("message {} ({}, {}) may or may not have been delivered: {}; policy {}",
                        message.messageId(), message.recipientType(), message.template(), failure.getMessage(),
                        inDoubtPolicy);
                if (inDoubtPolicy == InDoubtPolicy.FLAG) {
                    fail(work, attempt, FailureClass.IN_DOUBT,
                            "not resent by policy: check with the recipient whether it arrived");
                } else {
                    retry(work, attempt, FailureClass.IN_DOUBT, clock.instant(),
                            "resent with the same Message-ID by policy");
                }
                return;
            }
            if (failure.failure().permanent()) {
                fail(work, attempt, failure.failure(), failure.getMessage());
                return;
            }
            Instant now = clock.instant();
            if (Duration.between(work.queuedAt(), now).compareTo(retryPolicy.giveUpAfter()) > 0) {
                fail(work, attempt, FailureClass.RETRIES_EXHAUSTED, failure.getMessage());
                return;
            }
            retry(work, attempt, failure.failure(), now.plus(retryPolicy.delayAfter(attempt)), null);
        }

        private void retry(Work work, int attempt, FailureClass failure, Instant nextAttempt,
                @Nullable String alertDetail) {
            PlannedMessage message = work.message();
            record(work, entry(work, LedgerEntry.Status.RETRY, attempt, failure, nextAttempt), () -> {
                metrics.retried(message.template(), message.recipientType(), failure);
                if (alertDetail != null) {
                    alert(work, failure, alertDetail);
                }
                backlog.giveBack(work, work.retryAt(attempt, nextAttempt));
            });
        }

        void fail(Work work, int attempts, FailureClass failure, @Nullable String detail) {
            PlannedMessage message = work.message();
            record(work, entry(work, LedgerEntry.Status.FAILED, attempts, failure, clock.instant()), () -> {
                metrics.failed(message.template(), message.language(), message.recipientType(), failure);
                log.warn("message {} ({}, {}) failed for good: {}", message.messageId(), message.recipientType(),
                        message.template(), failure);
                alert(work, failure, detail);
                settled(work);
            });
        }

        /** Waits again, untouched: the ledger could not be written. */
        void later(Work work) {
            group(work).actions.add(() -> backlog.giveBack(work, work.delayedTo(clock.instant().plus(ledgerRetry))));
            group(work).works.add(work);
        }

        void lost(Work work) {
            group(work).actions.add(() -> backlog.drop(work));
            group(work).works.add(work);
        }

        private void record(Work work, LedgerEntry entry, Runnable then) {
            Group group = group(work);
            group.entries.add(entry);
            group.works.add(work);
            MessageTraces.Send send = sends.remove(work);
            if (entry.status().settled()) {
                group.outcomes.add(entry.outcome(send == null ? work.trace() : send.context()));
            }
            if (send == null) {
                group.actions.add(then);
                return;
            }
            group.actions.add(() -> {
                try (MessageTraces.Scope scope = send.open()) {
                    then.run();
                }
            });
            String result = entry.failure() == null ? entry.status().name()
                    : entry.status().name() + ":" + entry.failure().name();
            group.ends.add(recorded -> send.end(recorded ? result : "UNRECORDED"));
        }

        private Group group(Work work) {
            return groups.computeIfAbsent(work.partition(), p -> new Group());
        }

        void finish() {
            groups.forEach((partition, group) -> {
                boolean recorded = group.entries.isEmpty()
                        || writeResults(partition, group.entries, group.outcomes);
                if (recorded) {
                    group.actions.forEach(Runnable::run);
                } else {
                    group.works.forEach(backlog::drop);
                }
                group.ends.forEach(end -> end.accept(recorded));
            });
        }

        /**
         * Writes one partition's results, retrying while the ledger is unavailable: the messages were sent, and
         * only a crash, a stop or a lost partition may leave them unrecorded (then in doubt for the next owner).
         */
        private boolean writeResults(int partition, List<LedgerEntry> results, List<Outcome> outcomes) {
            Duration wait = ledgerRetry;
            while (true) {
                try {
                    ledger.write(partition, results, outcomes);
                    return true;
                } catch (Ledger.PartitionLostException e) {
                    log.warn("partition {} changed hands before {} result(s) were recorded; its next owner finds "
                            + "them in doubt", partition, results.size());
                    return false;
                } catch (RuntimeException e) {
                    if (!(e instanceof Ledger.LedgerUnavailableException)) {
                        log.error("ledger write failed unexpectedly", e);
                    }
                    if (stopping) {
                        log.warn("stopping with {} result(s) unrecorded; they are in doubt at the next start",
                                results.size());
                        return false;
                    }
                    metrics.outcomeNotPublished();
                    log.warn("ledger unavailable, {} result(s) wait to be recorded: {}", results.size(),
                            e.getMessage());
                    backlog.awaitChange(wait);
                    Duration doubled = wait.multipliedBy(2);
                    wait = doubled.compareTo(MAX_LEDGER_WAIT) > 0 ? MAX_LEDGER_WAIT : doubled;
                }
            }
        }

        private void alert(Work work, FailureClass failure, @Nullable String detail) {
            PlannedMessage message = work.message();
            if (MessagePlanner.CASEWORKER_ALERT.equals(message.template())) {
                return;
            }
            PlannedMessage alert = alertAbout(message, failure, detail);
            LedgerEntry.Known known = ledger.find(work.partition(), alert.messageId());
            if (known != null && known.status().settled()) {
                return;
            }
            Instant now = clock.instant();
            backlog.addFollowUp(work, new Work(alert, work.partition(), work.offset(), 0, now, now, Work.Kind.SEND,
                    work.trace()));
        }

        private void settled(Work work) {
            Instant receivedAt = backlog.settle(work);
            if (receivedAt != null) {
                metrics.endToEnd(Duration.between(receivedAt, clock.instant()));
            }
        }
    }

    /** A sender's SMTP connection, kept open across batches and closed when idle or broken. */
    public static final class Connection implements AutoCloseable {

        private MailGateway.@Nullable Session session;

        boolean open() {
            return session != null;
        }

        MailGateway.Session session(MailGateway gateway) {
            MailGateway.Session open = session;
            if (open == null) {
                open = gateway.open();
                session = open;
            }
            return open;
        }

        @Override
        public void close() {
            MailGateway.Session open = session;
            session = null;
            if (open != null) {
                open.close();
            }
        }
    }
}
