package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One body's part in a complaint: who it is, its deadlines (fixed when the decision arrived), and what happened.
 * Its state is not stored: it follows from these facts and the day it is asked on, so "overdue" never goes stale.
 *
 * @param authorityName the body's name by language ({@code kk}, {@code ru}, {@code en})
 * @param language the body's correspondence language, for the pages it is shown
 * @param role {@code PRIMARY}, {@code COPY}, or {@link #ESCALATION} for a rung of the ladder
 * @param noticeFailed true when its email failed for good
 * @param remindedAt when an {@code AcknowledgementReminderDue} was issued for it; never issued twice
 * @param escalatedAt when its silence past {@code answerBy} was handled: escalated to the next rung, or the ladder
 *     found exhausted; never handled twice
 * @param ladderOf for a rung, the routed body whose ladder it belongs to; null for a body routing chose
 * @param rung for a rung, its place on that ladder (0 is the first rung above the routed body)
 * @param answer the body's answer, set with {@code answeredAt}
 * @param hold a caseworker's latest hold on its escalation, lifted or not; null when there was none (and in files
 *     written before holds were kept)
 * @param request a caseworker's request to escalate past the body now, without waiting for its {@code answerBy};
 *     null when there was none (and in files written before requests were kept)
 */
public record Assignment(String authorityId, String authorityType, Map<String, String> authorityName, String role,
        String language, LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant notifiedAt,
        boolean noticeFailed, @Nullable Instant acknowledgedAt, @Nullable String registrationNumber,
        @Nullable Instant answeredAt, @Nullable Instant remindedAt, @Nullable Instant escalatedAt,
        @Nullable String ladderOf, @Nullable Integer rung, @Nullable Answer answer, @Nullable EscalationHold hold,
        @Nullable EscalationRequest request) {

    /** The role of a body told by escalation, not by routing. */
    public static final String ESCALATION = "ESCALATION";

    public Assignment {
        authorityName = Map.copyOf(authorityName);
    }

    /** A body routing chose, before anything happened. */
    public Assignment(String authorityId, String authorityType, Map<String, String> authorityName, String role,
            String language, LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant notifiedAt,
            boolean noticeFailed, @Nullable Instant acknowledgedAt, @Nullable String registrationNumber,
            @Nullable Instant answeredAt) {
        this(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy, notifiedAt,
                noticeFailed, acknowledgedAt, registrationNumber, answeredAt, null, null, null, null, null, null, null);
    }

    /**
     * A rung of the ladder, told at {@code at} by the escalation itself: its deadlines run from that day. Until
     * notification reports its email (the next step of issue 13), {@code notifiedAt} is the escalation's time.
     */
    public static Assignment rung(String authorityId, String authorityType, String language, LocalDate acknowledgeBy,
            LocalDate answerBy, Instant at, String ladderOf, int rung) {
        return new Assignment(authorityId, authorityType, Map.of(), ESCALATION, language, acknowledgeBy, answerBy, at,
                false, null, null, null, null, null, ladderOf, rung, null, null, null);
    }

    /** True when the body was told (emailed, or it acknowledged anyway), so that its silence counts. */
    public boolean told() {
        return notifiedAt != null || acknowledgedAt != null;
    }

    public Assignment reminded(Instant at) {
        return remindedAt != null ? this : new Assignment(authorityId, authorityType, authorityName, role, language,
                acknowledgeBy, answerBy, notifiedAt, noticeFailed, acknowledgedAt, registrationNumber, answeredAt, at,
                escalatedAt, ladderOf, rung, answer, hold, request);
    }

    public Assignment escalated(Instant at) {
        return escalatedAt != null ? this : new Assignment(authorityId, authorityType, authorityName, role, language,
                acknowledgeBy, answerBy, notifiedAt, noticeFailed, acknowledgedAt, registrationNumber, answeredAt,
                remindedAt, at, ladderOf, rung, answer, hold, request);
    }

    public AssignmentState state(LocalDate today) {
        if (answeredAt != null) {
            return AssignmentState.ANSWERED;
        }
        if (escalatedAt != null) {
            return AssignmentState.ESCALATED;
        }
        if (today.isAfter(answerBy) && told()) {
            return AssignmentState.ANSWER_OVERDUE;
        }
        if (acknowledgedAt != null) {
            return AssignmentState.ACKNOWLEDGED;
        }
        if (notifiedAt != null) {
            return today.isAfter(acknowledgeBy) ? AssignmentState.ACKNOWLEDGEMENT_OVERDUE : AssignmentState.NOTIFIED;
        }
        return noticeFailed ? AssignmentState.NOTICE_FAILED : AssignmentState.AWAITING_NOTICE;
    }

    Assignment notified(Instant at, boolean sent) {
        if (notifiedAt != null && !sent && ESCALATION.equals(role)) {
            // A rung counts as told from its escalation; its letter failing for good undoes that, as a routed
            // body's failed notice does: its silence is not counted, and caseworkers are alerted by notification.
            return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                    null, true, acknowledgedAt, registrationNumber, answeredAt, remindedAt, escalatedAt, ladderOf, rung,
                    answer, hold, request);
        }
        if (notifiedAt != null) {
            return this;
        }
        return sent
                ? new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                        at, false, acknowledgedAt, registrationNumber, answeredAt, remindedAt, escalatedAt, ladderOf,
                        rung, answer, hold, request)
                : new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                        null, true, acknowledgedAt, registrationNumber, answeredAt, remindedAt, escalatedAt, ladderOf,
                        rung, answer, hold, request);
    }

    /** The first acknowledgement stands: a link used twice does not change the number the body gave. */
    Assignment acknowledged(Instant at, String number) {
        if (acknowledgedAt != null) {
            return this;
        }
        return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                notifiedAt, noticeFailed, at, number, answeredAt, remindedAt, escalatedAt, ladderOf, rung, answer,
                hold, request);
    }

    /**
     * The first answer stands, as the first acknowledgement does: a body that writes again is a new letter for the
     * caseworkers, not a change of what the complainant was told. An answer from a body that never acknowledged
     * is its acknowledgement too, at the same moment, without a registration number.
     */
    public Assignment answered(Instant at, Answer given) {
        if (answeredAt != null) {
            return this;
        }
        return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                notifiedAt, noticeFailed, acknowledgedAt != null ? acknowledgedAt : at, registrationNumber, at,
                remindedAt, escalatedAt, ladderOf, rung, given, hold, request);
    }

    /**
     * A caseworker's hold on the body's escalation, or its lifting; the latest stands. Nothing changes once the body
     * answered or its silence was handled (escalated, or the ladder found exhausted): there is nothing left to hold.
     */
    public Assignment held(EscalationHold given) {
        if (answeredAt != null || escalatedAt != null) {
            return this;
        }
        return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                notifiedAt, noticeFailed, acknowledgedAt, registrationNumber, answeredAt, remindedAt, escalatedAt,
                ladderOf, rung, answer, given, request);
    }

    /**
     * A caseworker's request to escalate past the body now; the first stands. Nothing changes once the body answered
     * or its silence was handled: the step it asks for was taken, or has no object left.
     */
    public Assignment requested(EscalationRequest given) {
        if (answeredAt != null || escalatedAt != null || request != null) {
            return this;
        }
        return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                notifiedAt, noticeFailed, acknowledgedAt, registrationNumber, answeredAt, remindedAt, escalatedAt,
                ladderOf, rung, answer, hold, given);
    }

    /** True while a caseworker's hold keeps the body's silence from being escalated on {@code today}. */
    public boolean escalationHeld(LocalDate today) {
        return hold != null && hold.holds(today);
    }

    /** True for the bodies whose silence goes up a ladder: a routed {@code PRIMARY} body, or a rung. */
    public boolean escalates() {
        return "PRIMARY".equals(role) || ESCALATION.equals(role);
    }
}
