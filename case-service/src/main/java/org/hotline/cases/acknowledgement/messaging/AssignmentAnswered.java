package org.hotline.cases.acknowledgement.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.jspecify.annotations.Nullable;

/**
 * {@code AssignmentAnswered} v1 on {@code cases.events.v1} (docs/schemas/assignment-answered.v1.schema.json): a
 * body answered a complaint, through its link or as a caseworker recorded its letter or call. Keyed by complaint
 * id. The texts are the body's words, bounded; nothing of the complainant.
 *
 * @param forwardedTo with FORWARDED only: the body it was forwarded to
 * @param reason with REFUSED only: the body's reason
 * @param outgoingNumber the outgoing number of the body's letter, when given
 * @param outgoingDate the date of the body's letter, when given
 * @param recordedBy {@code body} (the link) or {@code caseworker}
 * @param principal the caseworker's staff account; absent for the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssignmentAnswered(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, UUID complaintId,
        String authorityId, Instant answeredAt, AnswerOutcome outcome, @Nullable String forwardedTo,
        @Nullable String reason, @Nullable String outgoingNumber, @Nullable LocalDate outgoingDate,
        String recordedBy, @Nullable String principal) {

    static final String EVENT_TYPE = "AssignmentAnswered";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.assignment-answered.v1";

    static AssignmentAnswered of(UUID complaintId, String authorityId, Instant at, Answer answer, RecordedBy by,
            Instant now) {
        return new AssignmentAnswered(EventIds.of(EVENT_TYPE, complaintId, authorityId), EVENT_TYPE, 1, now,
                complaintId, authorityId, at, answer.outcome(), answer.forwardedTo(), answer.reason(),
                answer.outgoingNumber(), answer.outgoingDate(), by.kind(), by.principal());
    }
}
