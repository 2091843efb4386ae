package org.hotline.cases.acknowledgement.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.jspecify.annotations.Nullable;

/**
 * Where acknowledgements and answers go: the case events topic, from which the case files (and later, emails)
 * follow. Each method returns once the broker has the event (acks=all), with the event's id, which is the same
 * for the same body of the same complaint: a reader drops a repeat by id.
 *
 * @throws AcknowledgementNotStoredException when the broker does not take it in time; nothing is recorded then
 */
public interface AcknowledgementPublisher {

    UUID acknowledged(UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber,
            RecordedBy by);

    UUID answered(UUID complaintId, String authorityId, Instant answeredAt, Answer answer, RecordedBy by);

    /**
     * {@code EscalationHeld}: the body's escalation waits until {@code heldUntil}, or the hold is lifted (null); a
     * new id every time, as the latest hold stands.
     */
    UUID held(UUID complaintId, String reference, String authorityId, @Nullable LocalDate heldUntil, String reason,
            RecordedBy by);

    /**
     * {@code EscalationRequested}: the case is to go past the body to the next rung now; a new id every time (the
     * case file keeps the first request).
     */
    UUID escalationRequested(UUID complaintId, String reference, String authorityId, String reason, RecordedBy by);

    /** {@code CaseClosed}; its id is the same for every closure of the complaint, as only the first stands. */
    UUID closed(UUID complaintId, String reference, Instant closedAt, ClosureReason reason, RecordedBy by);
}
