package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.Map;
import org.hotline.notification.dispatch.domain.PlannedMessage;

/**
 * A message waiting to be sent, and where it came from: the routed record at {@code offset} of {@code partition},
 * whose offset is not committed until every message planned from it is settled. Holds the planned message, not its
 * rendered content: that exists only while the message is being sent.
 *
 * @param attempts sends started or tried so far
 * @param queuedAt when the message was first planned
 * @param due when it may be sent
 * @param kind what is to be done with it
 * @param trace the trace it was planned in, as the headers that carry it ({@link MessageTraces}); about a hundred
 *     bytes, and empty when there is none
 */
record Work(PlannedMessage message, int partition, long offset, int attempts, Instant queuedAt, Instant due,
        Kind kind, Map<String, String> trace) {

    enum Kind {
        /** Send it. */
        SEND,
        /** A send of it was started before and never recorded: it is settled by the in-doubt policy. */
        IN_DOUBT,
        /** It was sent before (a sent-marker says so) but its result was never recorded: record it, send nothing. */
        RECORD_SENT
    }

    String messageId() {
        return message.messageId();
    }

    Work retryAt(int attempts, Instant due) {
        return new Work(message, partition, offset, attempts, queuedAt, due, Kind.SEND, trace);
    }

    Work delayedTo(Instant due) {
        return new Work(message, partition, offset, attempts, queuedAt, due, kind, trace);
    }
}
