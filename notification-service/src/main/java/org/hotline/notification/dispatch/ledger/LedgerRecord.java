package org.hotline.notification.dispatch.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.dispatch.application.LedgerEntry;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on the ledger topic, keyed by message id: the whole state of the message after its latest
 * step, so compaction, which keeps the latest record of each key, keeps all that is needed. No address, no
 * complaint text: the content of a message is planned again from its routed event when it is needed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerRecord(
        int schemaVersion,
        String messageId,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        String recipientType,
        @Nullable String authorityId,
        String template,
        String language,
        String status,
        int attempts,
        @Nullable String failure,
        Instant queuedAt,
        Instant at,
        @Nullable Boolean marker) {

    static final int SCHEMA_VERSION = 1;

    static LedgerRecord of(LedgerEntry entry) {
        return of(entry, null);
    }

    /** A sent-marker: written outside the transactions, right after the SMTP server accepted the message. */
    static LedgerRecord marker(LedgerEntry sent) {
        return of(sent, Boolean.TRUE);
    }

    private static LedgerRecord of(LedgerEntry entry, @Nullable Boolean marker) {
        return new LedgerRecord(SCHEMA_VERSION, entry.messageId(), entry.complaintId(), entry.reference(),
                entry.receivedAt(), entry.recipientType().name(), entry.authorityId(), entry.template(),
                entry.language().code(), entry.status().name(), entry.attempts(),
                entry.failure() == null ? null : entry.failure().name(), entry.queuedAt(), entry.at(), marker);
    }

    boolean isMarker() {
        return Boolean.TRUE.equals(marker);
    }

    LedgerEntry.Known known() {
        return LedgerEntry.Known.of(LedgerEntry.Status.valueOf(status), attempts,
                failure == null ? null : FailureClass.valueOf(failure), queuedAt, at, !isMarker());
    }

    LedgerEntry entry(int partition) {
        return new LedgerEntry(messageId, partition, complaintId, reference, receivedAt,
                RecipientType.valueOf(recipientType), authorityId, template,
                Language.fromCode(language).orElseThrow(), LedgerEntry.Status.valueOf(status), attempts,
                failure == null ? null : FailureClass.valueOf(failure), queuedAt, at);
    }
}
