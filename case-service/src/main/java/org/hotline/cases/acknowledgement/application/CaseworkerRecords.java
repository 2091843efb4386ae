package org.hotline.cases.acknowledgement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.jspecify.annotations.Nullable;

/**
 * A caseworker records what a body sent by post or said on the phone: its acknowledgement (with its registration
 * number) or its answer; holds a body's escalation ({@link #hold}) or asks for it now ({@link #escalate}); or closes
 * the case ({@link #close}). The same
 * events are published as from the body's link, marked {@code recordedBy caseworker} with the staff account's name,
 * so the case file, the status and the silence check treat them alike:
 * <ol>
 *   <li>the case is found by its reference, and the body in it by its directory id;</li>
 *   <li>the fields are checked as the link's form checks them; a date given ({@code acknowledgedOn},
 *       {@code answeredOn}: the day the letter came or the call was taken) may be neither before the complaint
 *       was received nor after today;</li>
 *   <li>the first acknowledgement and the first answer stand: a second is refused
 *       ({@link AlreadyRecordedException}), as the link keeps the first.</li>
 * </ol>
 * A date is recorded as noon of that day in the service's zone (today's as the present moment): a letter has a
 * day, not an hour, and noon keeps the day the same however the instant is shown.
 */
public final class CaseworkerRecords {

    /**
     * How far ahead a hold may reach: a body's promise is of days or weeks, and a held case must come back to the
     * caseworkers before it is forgotten.
     */
    public static final int MAX_HOLD_DAYS = 90;
    private static final int MAX_NUMBER_LENGTH = 64;
    /** A hold's or an escalation's reason: a note for the timeline (and the next rung's letter), not a letter. */
    private static final int MAX_REASON_LENGTH = 500;

    private final CaseFiles files;
    private final AcknowledgementPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;
    private final Predicate<String> ladderAbove;

    /**
     * @param ladderAbove whether the escalation ladder goes up from a routed body (by directory id): a request to
     *     escalate past a body without one would never be carried out
     */
    public CaseworkerRecords(CaseFiles files, AcknowledgementPublisher publisher, Clock clock, ZoneId zone,
            Predicate<String> ladderAbove) {
        this.files = files;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
        this.ladderAbove = ladderAbove;
    }

    /**
     * @return the id of the {@code AssignmentAcknowledged} published
     * @throws UnknownAssignmentException when the case or the body in it is not known
     * @throws InvalidInputException naming the fields to fix
     * @throws AlreadyRecordedException when the body's acknowledgement (or answer) is recorded already
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public UUID acknowledge(String reference, String authorityId, @Nullable String registrationNumber,
            @Nullable String acknowledgedOn, String principal) {
        CaseFile file = file(reference);
        Assignment assignment = assignment(file, authorityId);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        String number = Fields.line("registrationNumber", registrationNumber, MAX_NUMBER_LENGTH, true, problems);
        Instant at = moment("acknowledgedOn", acknowledgedOn, file, now, problems);
        if (!problems.isEmpty() || number == null) {
            throw new InvalidInputException(problems);
        }
        if (assignment.acknowledgedAt() != null) {
            throw new AlreadyRecordedException("the body's acknowledgement is recorded already");
        }
        return publisher.acknowledged(file.complaintId(), authorityId, at, number, RecordedBy.caseworker(principal));
    }

    /**
     * @return the id of the {@code AssignmentAnswered} published
     * @throws UnknownAssignmentException when the case or the body in it is not known
     * @throws InvalidInputException naming the fields to fix
     * @throws AlreadyRecordedException when the body's answer is recorded already
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public UUID answer(String reference, String authorityId, AnswerInput input, @Nullable String answeredOn,
            String principal) {
        CaseFile file = file(reference);
        Assignment assignment = assignment(file, authorityId);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Instant at = moment("answeredOn", answeredOn, file, now, problems);
        Answer answer;
        try {
            answer = input.validate(Answer.BY_CASEWORKER, LocalDate.ofInstant(now, zone));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            throw new InvalidInputException(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (assignment.answeredAt() != null) {
            throw new AlreadyRecordedException("the body's answer is recorded already");
        }
        return publisher.answered(file.complaintId(), authorityId, at, answer, RecordedBy.caseworker(principal));
    }

    /**
     * Closes the case: from then on nothing is reminded or escalated, and the status says {@code CLOSED}.
     *
     * @param reason one of {@link ClosureReason}
     * @param closedOn the day it was decided (YYYY-MM-DD); today when absent
     * @return the id of the {@code CaseClosed} published
     * @throws UnknownAssignmentException when the case is not known
     * @throws InvalidInputException naming the fields to fix
     * @throws AlreadyRecordedException when the case is closed already
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public UUID close(String reference, @Nullable String reason, @Nullable String closedOn, String principal) {
        CaseFile file = file(reference);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        ClosureReason closure = null;
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required: one of " + List.of(ClosureReason.values())));
        } else {
            try {
                closure = ClosureReason.valueOf(reason.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("reason", "must be one of " + List.of(ClosureReason.values())));
            }
        }
        Instant at = moment("closedOn", closedOn, file, now, problems);
        if (!problems.isEmpty() || closure == null) {
            throw new InvalidInputException(problems);
        }
        if (file.closed()) {
            throw new AlreadyRecordedException("the case is closed already");
        }
        return publisher.closed(file.complaintId(), String.valueOf(file.reference()), at, closure,
                RecordedBy.caseworker(principal));
    }

    /**
     * Holds the escalation of a body's silence until {@code heldUntil}, the last day it waits (from today to
     * {@link #MAX_HOLD_DAYS} ahead), or lifts the hold when {@code heldUntil} is blank: the body promised its answer,
     * or asked for a few days more. Its reminder is still due; a routed {@code PRIMARY} body and a rung can be held,
     * a copy is never escalated.
     *
     * @param reason why, for the case's timeline (up to 500 characters)
     * @return the id of the {@code EscalationHeld} published
     * @throws UnknownAssignmentException when the case or the body in it is not known
     * @throws InvalidInputException naming the fields to fix
     * @throws NothingToHoldException when the body's silence can no longer be escalated, or no hold is there to lift
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public UUID hold(String reference, String authorityId, @Nullable String heldUntil, @Nullable String reason,
            String principal) {
        CaseFile file = file(reference);
        Assignment assignment = assignment(file, authorityId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<FieldProblem> problems = new ArrayList<>();
        String why = Fields.paragraph("reason", reason, MAX_REASON_LENGTH, true, problems);
        LocalDate until = Fields.comingDate("heldUntil", heldUntil, today, MAX_HOLD_DAYS, problems);
        if (!problems.isEmpty() || why == null) {
            throw new InvalidInputException(problems);
        }
        Optional<String> settled = settled(file, assignment);
        if (settled.isPresent()) {
            throw new NothingToHoldException(settled.get());
        }
        if (until == null && !assignment.escalationHeld(today)) {
            throw new NothingToHoldException("no hold is there to lift");
        }
        return publisher.held(file.complaintId(), String.valueOf(file.reference()), authorityId, until, why,
                RecordedBy.caseworker(principal));
    }

    /**
     * Asks for the case to go past a body to the next rung of its ladder now, without waiting for the body's
     * {@code answerBy}, whatever a hold on it says: the body refused to register the complaint, or its head is close
     * to the accused. The silence check takes the step at its next pass, as at a deadline; the rung's letter quotes
     * {@code reason}. A routed {@code PRIMARY} body that was told, or a rung, can be escalated past; a copy never is.
     *
     * @param reason why, for the case's timeline and the next rung's letter (up to 500 characters)
     * @return the id of the {@code EscalationRequested} published
     * @throws UnknownAssignmentException when the case or the body in it is not known
     * @throws InvalidInputException naming the fields to fix
     * @throws NothingToEscalateException when the case cannot go up past the body
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public UUID escalate(String reference, String authorityId, @Nullable String reason, String principal) {
        CaseFile file = file(reference);
        Assignment assignment = assignment(file, authorityId);
        List<FieldProblem> problems = new ArrayList<>();
        String why = Fields.paragraph("reason", reason, MAX_REASON_LENGTH, true, problems);
        if (!problems.isEmpty() || why == null) {
            throw new InvalidInputException(problems);
        }
        Optional<String> settled = settled(file, assignment);
        if (settled.isPresent()) {
            throw new NothingToEscalateException(settled.get());
        }
        if (assignment.request() != null) {
            throw new NothingToEscalateException("an escalation past the body was asked for already");
        }
        if (!assignment.told()) {
            throw new NothingToEscalateException("the body was never told: its email is not sent (its address may "
                    + "be wrong); its superior would be asked about a letter it never got");
        }
        if (!ladderAbove.test(assignment.ladderOf() != null ? assignment.ladderOf() : authorityId)) {
            throw new NothingToEscalateException("no escalation ladder goes up from this body (the ladder file)");
        }
        return publisher.escalationRequested(file.complaintId(), String.valueOf(file.reference()), authorityId, why,
                RecordedBy.caseworker(principal));
    }

    /**
     * Why the body's silence can no longer go up its ladder, which neither a hold nor a request can change: the case
     * is closed, the body is a copy, it answered, or it was escalated past already. Empty while it can.
     */
    private static Optional<String> settled(CaseFile file, Assignment assignment) {
        if (file.closed()) {
            return Optional.of("the case is closed");
        }
        if (!assignment.escalates()) {
            return Optional.of("a copy is for information and is never escalated");
        }
        if (assignment.answeredAt() != null) {
            return Optional.of("the body has answered");
        }
        if (assignment.escalatedAt() != null) {
            return Optional.of("the body's silence was escalated already");
        }
        return Optional.empty();
    }

    private CaseFile file(String reference) {
        return files.byReference(reference.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new UnknownAssignmentException(false));
    }

    private static Assignment assignment(CaseFile file, String authorityId) {
        return file.assignment(authorityId).orElseThrow(() -> new UnknownAssignmentException(true));
    }

    private Instant moment(String field, @Nullable String day, CaseFile file, Instant now,
            List<FieldProblem> problems) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate date = Fields.date(field, day, today, problems);
        if (date == null || date.equals(today)) {
            return now;
        }
        if (file.receivedAt() != null && date.isBefore(LocalDate.ofInstant(file.receivedAt(), zone))) {
            problems.add(new FieldProblem(field, "must not be before the complaint was received"));
            return now;
        }
        return date.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }
}
