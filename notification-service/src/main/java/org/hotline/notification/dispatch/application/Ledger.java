package org.hotline.notification.dispatch.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the service knows of every message it planned, per partition of {@code complaints.routed.v1}: the state
 * follows the partition, so whichever instance owns a partition knows what was sent for it, and an instance that
 * lost the partition can no longer write to it.
 */
public interface Ledger {

    /** The latest state of a message of a partition this instance owns; null when the message is unknown. */
    LedgerEntry.@Nullable Known find(int partition, String messageId);

    /**
     * Writes the records of one partition and the outcomes they settle, atomically, and returns only once they
     * are durable: one acknowledged write for the whole group.
     *
     * @throws LedgerUnavailableException when nothing of the group was written and it may be tried again
     * @throws PartitionLostException when this instance may no longer write for the partition: another took it
     *     over (fenced), or its writer broke; nothing of the group counts
     */
    void write(int partition, List<LedgerEntry> entries, List<Outcome> outcomes);

    /**
     * Notes, without waiting and outside any transaction, that the SMTP server accepted a message: a sent-marker.
     * Its result is still written with {@link #write}; the marker only tells the partition's next owner, should this
     * instance die before that, that the send is not in doubt. Best effort: {@code whenDurable} runs once the broker
     * has it; a marker that is lost leaves the send in doubt, as without it.
     */
    void markSent(LedgerEntry sent, Runnable whenDurable);

    /** Nothing of the group was written; the broker may be back later. */
    class LedgerUnavailableException extends RuntimeException {
        public LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The partition's ledger is no longer this instance's to write. */
    class PartitionLostException extends RuntimeException {
        private final int partition;

        public PartitionLostException(int partition, String message, @Nullable Throwable cause) {
            super(message, cause);
            this.partition = partition;
        }

        public int partition() {
            return partition;
        }
    }
}
