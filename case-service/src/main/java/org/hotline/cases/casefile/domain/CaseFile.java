package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAcknowledged;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintRegistered;
import org.jspecify.annotations.Nullable;

/**
 * Everything the service knows about one complaint, and nothing that identifies the complainant: the reference,
 * a hash of the tracking code (never the code), the receipt, and one {@link Assignment} per body.
 *
 * <p>Events may be read in any order across topics, and again after a restart: {@link #apply} accepts each in any
 * order and gives the same file for the same events. A notice that arrives before the decision waits in
 * {@code earlyNotices}; the first decision, and each body's first acknowledgement, stand.
 */
public record CaseFile(UUID complaintId, @Nullable String reference, @Nullable String trackingCodeHash,
        @Nullable Instant receivedAt, boolean decided, List<Assignment> assignments, List<BodyNotified> earlyNotices,
        List<Escalation> escalations) {

    public CaseFile {
        assignments = List.copyOf(assignments);
        earlyNotices = List.copyOf(earlyNotices);
        escalations = List.copyOf(escalations);
    }

    public static CaseFile open(UUID complaintId) {
        return new CaseFile(complaintId, null, null, null, false, List.of(), List.of(), List.of());
    }

    public CaseFile apply(CaseEvent event) {
        if (!event.complaintId().equals(complaintId)) {
            throw new IllegalArgumentException("event of complaint " + event.complaintId() + " applied to the file of "
                    + complaintId);
        }
        if (event instanceof ComplaintRegistered registered) {
            return new CaseFile(complaintId, registered.reference(),
                    trackingCodeHash != null ? trackingCodeHash : registered.trackingCodeHash(),
                    registered.receivedAt(), decided, assignments, earlyNotices, escalations);
        }
        if (event instanceof ComplaintDecided decision) {
            return decided ? this : decide(decision);
        }
        if (event instanceof BodyNotified notice) {
            return notice(notice);
        }
        BodyAcknowledged acknowledgement = (BodyAcknowledged) event;
        return replace(acknowledgement.authorityId(),
                assignment -> assignment.acknowledged(acknowledgement.at(), acknowledgement.registrationNumber()));
    }

    private CaseFile decide(ComplaintDecided decision) {
        CaseFile file = new CaseFile(complaintId, decision.reference(),
                trackingCodeHash != null ? trackingCodeHash : decision.trackingCodeHash(),
                receivedAt != null ? receivedAt : decision.receivedAt(), true, decision.assignments(), List.of(),
                escalations);
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
                    escalations);
        }
        return replace(notice.authorityId(), assignment -> assignment.notified(notice.at(), notice.sent()));
    }

    private CaseFile replace(String authorityId, UnaryOperator<Assignment> change) {
        List<Assignment> changed = new ArrayList<>(assignments.size());
        for (Assignment assignment : assignments) {
            changed.add(assignment.authorityId().equals(authorityId) ? change.apply(assignment) : assignment);
        }
        return new CaseFile(complaintId, reference, trackingCodeHash, receivedAt, decided, changed, earlyNotices,
                escalations);
    }

    public Optional<Assignment> assignment(String authorityId) {
        return assignments.stream().filter(assignment -> assignment.authorityId().equals(authorityId)).findFirst();
    }

    /** The least advanced body sets the case's state; any body past a deadline makes it overdue. */
    public CaseState state(LocalDate today) {
        if (!decided) {
            return CaseState.RECEIVED;
        }
        AssignmentState least = AssignmentState.ANSWERED;
        for (Assignment assignment : assignments) {
            AssignmentState state = assignment.state(today);
            if (state == AssignmentState.ACKNOWLEDGEMENT_OVERDUE || state == AssignmentState.ANSWER_OVERDUE) {
                return CaseState.OVERDUE;
            }
            if (state.compareTo(least) < 0) {
                least = state;
            }
        }
        return switch (least) {
            case AWAITING_NOTICE -> CaseState.ROUTED;
            case NOTICE_FAILED, NOTIFIED, ACKNOWLEDGEMENT_OVERDUE -> CaseState.NOTIFIED;
            case ACKNOWLEDGED, ANSWER_OVERDUE -> CaseState.ACKNOWLEDGED;
            case ANSWERED -> CaseState.ANSWERED;
        };
    }
}
