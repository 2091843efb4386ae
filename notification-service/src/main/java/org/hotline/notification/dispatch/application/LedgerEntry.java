package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;

/**
 * One record of the ledger: the whole state of one message after a step, so that the latest record of a message
 * is all there is to know of it (the ledger topic is compacted by message id). No address and no complaint text.
 *
 * @param partition the partition of {@code complaints.routed.v1} the message was planned from; the record is
 *     written to the ledger partition of the same number, so the ledger follows the partition's owner
 * @param attempts how many sends were started or tried
 * @param queuedAt when the message was first planned; retries stop some time after it
 * @param at when the step happened; for {@link Status#RETRY}, when the next attempt is due
 */
public record LedgerEntry(
        String messageId,
        int partition,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        RecipientType recipientType,
        @Nullable String authorityId,
        String template,
        Language language,
        Status status,
        int attempts,
        @Nullable FailureClass failure,
        Instant queuedAt,
        Instant at) {

    /** The steps of a message. There is no record for a planned message: the routed event is its record. */
    public enum Status {
        /** Written, and durable, before the send starts: found alone after a crash, the send is in doubt. */
        INTENT,
        /** A transient failure; the next attempt is due at {@code at}. */
        RETRY,
        SENT,
        FAILED;

        public boolean settled() {
            return this == SENT || this == FAILED;
        }
    }

    /**
     * What the ledger keeps in memory of a message: enough to decide what to do with it when it is planned again.
     *
     * @param reported false only for a {@code SENT} known from a sent-marker alone: the SMTP server took the
     *     message, but its result and outcome were never recorded (the sender died first)
     */
    public record Known(Status status, int attempts, @Nullable FailureClass failure, Instant queuedAt, Instant at,
            boolean reported) {
    }

    public Known known() {
        return new Known(status, attempts, failure, queuedAt, at, true);
    }

    /** @param trace the trace its record carries on ({@link Outcome#trace()}) */
    public Outcome outcome(Map<String, String> trace) {
        return new Outcome(complaintId, messageId, status == Status.SENT, recipientType, authorityId, template,
                language, attempts, failure, at, trace);
    }
}
