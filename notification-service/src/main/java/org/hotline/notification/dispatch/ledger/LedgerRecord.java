package org.hotline.notification.dispatch.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.sealing.domain.SealedValue;
import org.jspecify.annotations.Nullable;

/**
 * One line of the ledger file. {@code QUEUED} and {@code STATE} (written by compaction) carry the message's
 * metadata; {@code payload} is the rendered message, sealed with the active key because it holds the opened
 * description and, for OPEN complaints, the complainant's contact. Terminal states drop the payload.
 * {@code REPORTED} says the message's outcome event was published; {@code reported} on a {@code STATE} line says
 * the same (absent on lines written before it existed: those outcomes were published).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerRecord(
        String type,
        String messageId,
        @Nullable UUID complaintId,
        @Nullable String reference,
        @Nullable Instant receivedAt,
        @Nullable String recipientType,
        @Nullable String authorityId,
        @Nullable String template,
        @Nullable String language,
        @Nullable SealedValue payload,
        @Nullable Instant queuedAt,
        @Nullable String status,
        int attempt,
        @Nullable String failure,
        Instant at,
        @Nullable Instant nextAttempt,
        @Nullable Boolean reported) {

    static final String QUEUED = "QUEUED";
    static final String INTENT = "INTENT";
    static final String SENT = "SENT";
    static final String RETRY = "RETRY";
    static final String FAILED = "FAILED";
    static final String STATE = "STATE";
    static final String REPORTED = "REPORTED";

    static LedgerRecord progress(String type, String messageId, int attempt, @Nullable String failure, Instant at,
            @Nullable Instant nextAttempt) {
        return new LedgerRecord(type, messageId, null, null, null, null, null, null, null, null, null, null, attempt,
                failure, at, nextAttempt, null);
    }
}
