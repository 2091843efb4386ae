package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * The memory holds every message its partitions ever sent, nearly all of them {@link Done}, which take no memory
     * of their own: one instance stands for every message of the same status and failure class.
     */
    public sealed interface Known permits Known.Done, Known.Unfinished {

        Status status();

        /**
         * What a ledger record makes known of its message.
         *
         * @param reported false only for a {@code SENT} known from a sent-marker alone: the SMTP server took the
         *     message, but its result and outcome were never recorded (the sender died first)
         */
        static Known of(Status status, int attempts, @Nullable FailureClass failure, Instant queuedAt, Instant at,
                boolean reported) {
            // A failure is final whatever recorded it; a sent message, once its result is recorded.
            if (status == Status.FAILED || status == Status.SENT && reported) {
                return Done.of(status, failure);
            }
            return new Unfinished(status, attempts, queuedAt, at);
        }

        /**
         * Settled, with its result and outcome recorded: planned again, it is not sent again; a failure's alert is
         * planned again, and it is itself a message the ledger knows.
         */
        record Done(Status status, @Nullable FailureClass failure) implements Known {

            /** Every status and failure class there can be: a dozen. */
            private static final Map<Done, Done> SHARED = Stream.of(Status.values()).filter(Status::settled)
                    .flatMap(status -> Stream.concat(Stream.of(new Done(status, null)),
                            Stream.of(FailureClass.values()).map(failure -> new Done(status, failure))))
                    .collect(Collectors.toUnmodifiableMap(done -> done, done -> done));

            public Done {
                if (!status.settled()) {
                    throw new IllegalArgumentException(status + " is not settled");
                }
            }

            /** The one instance for this status and failure class. */
            public static Done of(Status status, @Nullable FailureClass failure) {
                return Objects.requireNonNull(SHARED.get(new Done(status, failure)));
            }
        }

        /**
         * A message whose send is due again ({@code RETRY}, {@code at} the next attempt), was being sent when its
         * partition changed hands ({@code INTENT}), or was sent with its result never recorded ({@code SENT}).
         */
        record Unfinished(Status status, int attempts, Instant queuedAt, Instant at) implements Known {

            public Unfinished {
                if (status == Status.FAILED) {
                    throw new IllegalArgumentException("a failure is final: it is never left unfinished");
                }
            }
        }
    }

    public Known known() {
        return Known.of(status, attempts, failure, queuedAt, at, true);
    }

    /** @param trace the trace its record carries on ({@link Outcome#trace()}) */
    public Outcome outcome(Map<String, String> trace) {
        return new Outcome(complaintId, messageId, status == Status.SENT, recipientType, authorityId, template,
                language, attempts, failure, at, trace);
    }
}
