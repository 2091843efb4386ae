package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a case file records, read from the topics. Each names its complaint. */
public sealed interface CaseEvent {

    UUID complaintId();

    /** Intake accepted the complaint ({@code ComplaintReceived}). */
    record ComplaintRegistered(UUID complaintId, String reference, Instant receivedAt,
            @Nullable String trackingCodeHash) implements CaseEvent {
    }

    /**
     * Routing chose the bodies ({@code ComplaintRouted}); each assignment carries the deadlines computed when the
     * decision arrived. Routing copies reference, receipt and the sealed complainant, so a decision read before
     * the receipt still gives a complete case file. The circumstances (workplace and accused, by category) decide
     * whom the case may be escalated to.
     */
    record ComplaintDecided(UUID complaintId, String reference, Instant receivedAt, @Nullable String trackingCodeHash,
            List<Assignment> assignments, Circumstances circumstances) implements CaseEvent {

        public ComplaintDecided {
            assignments = List.copyOf(assignments);
        }
    }

    /** Notification settled the email to a body ({@code NotificationOutcome}): sent, or failed for good. */
    record BodyNotified(UUID complaintId, String authorityId, Instant at, boolean sent) implements CaseEvent {
    }

    /** A body confirmed receipt with its registration number ({@code AssignmentAcknowledged}). */
    record BodyAcknowledged(UUID complaintId, String authorityId, Instant at, String registrationNumber)
            implements CaseEvent {
    }

    /**
     * A body answered ({@code AssignmentAnswered}), through its link or as a caseworker recorded it. It counts as
     * the acknowledgement too when there was none.
     */
    record BodyAnswered(UUID complaintId, String authorityId, Instant at, Answer answer) implements CaseEvent {
    }

    /** A caseworker held a body's escalation, or lifted the hold ({@code EscalationHeld}). */
    record EscalationHeld(UUID complaintId, String authorityId, EscalationHold hold) implements CaseEvent {
    }

    /** A caseworker asked for the case to go past a body to the next rung now ({@code EscalationRequested}). */
    record EscalationRequested(UUID complaintId, String authorityId, EscalationRequest request) implements CaseEvent {
    }

    /** A caseworker closed the case ({@code CaseClosed}). */
    record CaseClosed(UUID complaintId, Closure closure) implements CaseEvent {
    }
}
