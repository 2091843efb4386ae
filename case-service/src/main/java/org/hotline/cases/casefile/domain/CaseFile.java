package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAcknowledged;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAnswered;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.CaseClosed;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintRegistered;
import org.hotline.cases.casefile.domain.CaseEvent.EscalationHeld;
import org.hotline.cases.casefile.domain.CaseEvent.EscalationRequested;
import org.jspecify.annotations.Nullable;

/**
 * Everything the service knows about one complaint, and nothing that identifies the complainant: the reference,
 * a hash of the tracking code (never the code), the receipt, one {@link Assignment} per body, the escalations, and
 * the caseworkers' {@link Closure} once they close it.
 *
 * <p>Events may be read in any order across topics, and again after a restart: {@link #apply} accepts each in any
 * order and gives the same file for the same events. A notice that arrives before the decision waits in
 * {@code earlyNotices}; the first decision, and each body's first acknowledgement and first answer, stand.
 */
public record CaseFile(UUID complaintId, @Nullable String reference, @Nullable String trackingCodeHash,
        @Nullable Instant receivedAt, boolean decided, List<Assignment> assignments, List<BodyNotified> earlyNotices,
        List<Escalation> escalations, @Nullable Circumstances circumstances, @Nullable Instant escalationExhaustedAt,
        @Nullable Closure closure) {

    public CaseFile {
        assignments = List.copyOf(assignments);
        earlyNotices = List.copyOf(earlyNotices);
        escalations = List.copyOf(escalations);
    }

    public static CaseFile open(UUID complaintId) {
        return new CaseFile(complaintId, null, null, null, false, List.of(), List.of(), List.of(), null, null, null);
    }

    public CaseFile apply(CaseEvent event) {
        if (!event.complaintId().equals(complaintId)) {
            throw new IllegalArgumentException("event of complaint " + event.complaintId() + " applied to the file of "
                    + complaintId);
        }
        if (event instanceof ComplaintRegistered registered) {
            return new CaseFile(complaintId, registered.reference(),
                    trackingCodeHash != null ? trackingCodeHash : registered.trackingCodeHash(),
                    registered.receivedAt(), decided, assignments, earlyNotices, escalations, circumstances,
                    escalationExhaustedAt, closure);
        }
        if (event instanceof ComplaintDecided decision) {
            return decided ? this : decide(decision);
        }
        if (event instanceof BodyNotified notice) {
            return notice(notice);
        }
        if (event instanceof CaseClosed closed) {
            return closure != null ? this : new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, decided,
                    assignments, earlyNotices, escalations, circumstances, escalationExhaustedAt, closed.closure());
        }
        if (event instanceof EscalationHeld held) {
            return replace(held.authorityId(), assignment -> assignment.held(held.hold()));
        }
        if (event instanceof EscalationRequested requested) {
            return replace(requested.authorityId(), assignment -> assignment.requested(requested.request()));
        }
        if (event instanceof BodyAnswered answer) {
            return replace(answer.authorityId(), assignment -> assignment.answered(answer.at(), answer.answer()));
        }
        BodyAcknowledged acknowledgement = (BodyAcknowledged) event;
        return replace(acknowledgement.authorityId(),
                assignment -> assignment.acknowledged(acknowledgement.at(), acknowledgement.registrationNumber()));
    }

    private CaseFile decide(ComplaintDecided decision) {
        CaseFile file = new CaseFile(complaintId, decision.reference(),
                trackingCodeHash != null ? trackingCodeHash : decision.trackingCodeHash(),
                receivedAt != null ? receivedAt : decision.receivedAt(), true, decision.assignments(), List.of(),
                escalations, decision.circumstances(), escalationExhaustedAt, closure);
        for (BodyNotified early : earlyNotices) {
            file = file.notice(early);
        }
        return file;
    }

    private CaseFile notice(BodyNotified notice) {
        if (!decided) {
            List<BodyNotified> waiting = new ArrayList<>(earlyNotices);
            waiting.add(notice);
            return new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, false, assignments, waiting,
                    escalations, circumstances, escalationExhaustedAt, closure);
        }
        return replace(notice.authorityId(), assignment -> assignment.notified(notice.at(), notice.sent()));
    }

    private CaseFile replace(String authorityId, UnaryOperator<Assignment> change) {
        List<Assignment> changed = new ArrayList<>(assignments.size());
        for (Assignment assignment : assignments) {
            changed.add(assignment.authorityId().equals(authorityId) ? change.apply(assignment) : assignment);
        }
        return new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, decided, changed, earlyNotices,
                escalations, circumstances, escalationExhaustedAt, closure);
    }

    /** Records that the body was reminded to acknowledge; a second reminder changes nothing. */
    public CaseFile reminded(String authorityId, Instant at) {
        return replace(authorityId, assignment -> assignment.reminded(at));
    }

    /** Records that a silent body's case went up to {@code rung}, a body new to this file. */
    public CaseFile escalated(Escalation escalation, Assignment rung) {
        CaseFile file = replace(escalation.fromAuthorityId(), assignment -> assignment.escalated(escalation.at()));
        List<Assignment> withRung = new ArrayList<>(file.assignments);
        withRung.add(rung);
        List<Escalation> steps = new ArrayList<>(escalations);
        steps.add(escalation);
        return new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, decided, withRung, earlyNotices,
                steps, circumstances, escalationExhaustedAt, closure);
    }

    /** Records that a silent body had no rung left above it: the case goes to a caseworker for a dossier. */
    public CaseFile exhausted(String authorityId, Instant at) {
        CaseFile file = replace(authorityId, assignment -> assignment.escalated(at));
        return new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, decided, file.assignments,
                earlyNotices, escalations, circumstances, escalationExhaustedAt != null ? escalationExhaustedAt : at,
                closure);
    }

    public Optional<Assignment> assignment(String authorityId) {
        return assignments.stream().filter(assignment -> assignment.authorityId().equals(authorityId)).findFirst();
    }

    /**
     * The least advanced body sets the case's state; any body past a deadline makes it overdue; a ladder climbed to
     * its last rung without an answer leaves the case to a caseworker, unless every body has answered since.
     */
    public CaseState state(LocalDate today) {
        if (closure != null) {
            return CaseState.CLOSED;
        }
        if (!decided) {
            return CaseState.RECEIVED;
        }
        if (escalationExhaustedAt != null
                && assignments.stream().anyMatch(assignment -> assignment.answeredAt() == null)) {
            return CaseState.ESCALATION_EXHAUSTED;
        }
        AssignmentState least = AssignmentState.ANSWERED;
        boolean escalated = false;
        for (Assignment assignment : assignments) {
            AssignmentState state = assignment.state(today);
            if (state == AssignmentState.ACKNOWLEDGEMENT_OVERDUE || state == AssignmentState.ANSWER_OVERDUE) {
                return CaseState.OVERDUE;
            }
            if (state == AssignmentState.ESCALATED) {
                escalated = true;
            } else if (state.compareTo(least) < 0) {
                least = state;
            }
        }
        // Escalated while a rung's clock runs: not once the others have all answered (the rung did), nor while the
        // rung's letter has failed (it was never told, and the caseworkers are alerted).
        if (escalated && least != AssignmentState.ANSWERED && least != AssignmentState.NOTICE_FAILED) {
            return CaseState.ESCALATED;
        }
        return switch (least) {
            case AWAITING_NOTICE -> CaseState.ROUTED;
            case NOTICE_FAILED, NOTIFIED, ACKNOWLEDGEMENT_OVERDUE -> CaseState.NOTIFIED;
            case ACKNOWLEDGED, ANSWER_OVERDUE, ESCALATED -> CaseState.ACKNOWLEDGED;
            case ANSWERED -> CaseState.ANSWERED;
        };
    }

    /** Closed by a caseworker: the silence check leaves it alone. */
    public boolean closed() {
        return closure != null;
    }
}
