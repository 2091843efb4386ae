package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.FailureClass;

/**
 * The durable outbox and ledger: every message the service decided to send and what became of it. Every
 * method returns only once its record is durable, so what it says survives a crash.
 */
public interface Outbox {

    /** Whether the message is known, in any state: known messages are never queued or sent again. */
    boolean contains(String messageId);

    /** Queues a message; does nothing and returns false when it is already known. */
    boolean enqueue(QueuedMessage message, Instant now);

    /** Pending messages whose next attempt is due, oldest first. */
    List<OutboxEntry> due(Instant now, int max);

    /** Written right before a send starts: found without a result after a restart, the send is in doubt. */
    void recordIntent(String messageId, int attempt, Instant now);

    void recordSent(String messageId, int attempt, Instant now);

    void recordRetry(String messageId, int attempt, FailureClass failure, Instant nextAttempt);

    void recordFailed(String messageId, int attempt, FailureClass failure, Instant now);

    /**
     * Written once the message's outcome event is published. Not forced to disk: after a crash the outcome may be
     * published again, with the same event id, which consumers recognise.
     */
    void recordReported(String messageId);

    /** Outcomes of messages sent or failed for good that are not yet published, oldest first, at most max. */
    List<Outcome> unreported(int max);

    /** Messages whose send had started when the service last stopped, with no result recorded. */
    List<OutboxEntry> inDoubt();

    /** Whether no message of the complaint is pending or in doubt. */
    boolean settled(UUID complaintId);

    /** Messages not yet sent or failed. */
    int pending();
}
