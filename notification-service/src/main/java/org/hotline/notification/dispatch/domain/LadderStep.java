package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step of a case's escalation ladder that the case service found due (docs/case.md, "Escalation ladder"), as read
 * from {@code cases.events.v1}: a body reminded to acknowledge, a case escalated past a body to the next rung (the
 * body stayed silent past its deadline, or a caseworker decided not to wait for it), or a ladder climbed to its top.
 * Bodies are named by directory id.
 */
public sealed interface LadderStep {

    UUID eventId();

    UUID complaintId();

    String reference();

    Instant occurredAt();

    /** {@code AcknowledgementReminderDue}: the body did not confirm receipt by {@code acknowledgeBy}. */
    record Reminder(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String authorityId,
            String role, @Nullable Instant notifiedAt, LocalDate acknowledgeBy, LocalDate answerBy)
            implements LadderStep {
    }

    /**
     * {@code EscalationDue}: the case goes past {@code fromAuthorityId} to the rung, which is told now. {@code reason}
     * says why: {@link #NO_ANSWER_BY_DEADLINE}, the body did not answer by its deadline (every version 1 event), or
     * {@link #CASEWORKER_DECISION}, the NGO's caseworkers decided not to wait for its answer (version 2).
     *
     * @param decision the caseworkers' decision, present when {@code reason} is {@link #CASEWORKER_DECISION}
     * @param summary the complaint by category, for the rung that never received it; null from a case service
     *     older than the field
     */
    record Escalation(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String fromAuthorityId,
            String toAuthorityId, int rung, boolean lastRung, String reason, @Nullable Decision decision,
            LocalDate acknowledgeBy, LocalDate answerBy, List<Skipped> skippedRungs, List<HistoryEntry> history,
            @Nullable CaseSummary summary) implements LadderStep {

        public static final String NO_ANSWER_BY_DEADLINE = "NO_ANSWER_BY_DEADLINE";
        public static final String CASEWORKER_DECISION = "CASEWORKER_DECISION";

        public Escalation {
            skippedRungs = List.copyOf(skippedRungs);
            history = List.copyOf(history);
        }

        /** Whether the caseworkers sent the case up before the body's deadline, rather than the deadline passing. */
        public boolean byCaseworkerDecision() {
            return CASEWORKER_DECISION.equals(reason);
        }
    }

    /**
     * The caseworkers' decision not to wait for a body's answer.
     *
     * @param note why, as a caseworker wrote it (at most 500 characters): the rung's letter quotes it, the
     *     complainant is never told it
     * @param requestedAt when the caseworker asked for the step
     */
    record Decision(String note, Instant requestedAt) {
    }

    /**
     * The complaint by category, as the case service keeps it: codes of the intake API and flags, never the
     * complainant's words.
     */
    record CaseSummary(@Nullable Instant receivedAt, List<String> categories, @Nullable String region,
            @Nullable String workplaceSector, @Nullable String workplaceType, @Nullable String accusedRole,
            boolean accusedPublicOfficial, boolean victimMinor, boolean immediateDanger) {

        public CaseSummary {
            categories = List.copyOf(categories);
        }
    }

    /**
     * {@code EscalationExhausted}: the last rung stayed silent too; the caseworkers get the case's dossier.
     *
     * @param summary the complaint by category, the dossier's facts; null from a case service older than the field
     */
    record Exhausted(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String authorityId,
            List<Skipped> skippedRungs, List<HistoryEntry> history, @Nullable CaseSummary summary)
            implements LadderStep {

        public Exhausted {
            skippedRungs = List.copyOf(skippedRungs);
            history = List.copyOf(history);
        }
    }

    /**
     * {@code ComplainantUpdateDue}: news of the case for the complainant. {@code update} is {@code ACKNOWLEDGED} or
     * {@code ANSWERED} by {@code authorityId}, or {@code ESCALATED}: the case went up past {@code authorityId}, whose
     * deadline was {@code answerBy}, to {@code toAuthorityId}. The complainant block is opened: who may be written
     * to, and in which language, is decided by the planner. {@code role} is the body's (PRIMARY, COPY, ESCALATION),
     * absent in events written before the case service sent it.
     *
     * @param escalationReason {@code ESCALATED}: why, as {@link Escalation#reason()} (never the caseworkers' note);
     *     null when absent, which means {@link Escalation#NO_ANSWER_BY_DEADLINE}
     */
    record ComplainantUpdate(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String update,
            String authorityId, Map<Language, String> authorityName, LocalDate answerBy,
            @Nullable String registrationNumber, @Nullable String outcome, @Nullable String forwardedTo,
            @Nullable String reason, @Nullable String toAuthorityId, Map<Language, String> toAuthorityName,
            @Nullable LocalDate toAnswerBy, ComplainantMode mode, RoutedComplaint.Complainant complainant,
            @Nullable String role, @Nullable String escalationReason)
            implements LadderStep {

        public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
        public static final String ANSWERED = "ANSWERED";
        public static final String ESCALATED = "ESCALATED";

        public ComplainantUpdate {
            authorityName = Map.copyOf(authorityName);
            toAuthorityName = Map.copyOf(toAuthorityName);
        }

        /** Whether an {@code ESCALATED} case went up on the caseworkers' decision, before the body's deadline. */
        public boolean byCaseworkerDecision() {
            return Escalation.CASEWORKER_DECISION.equals(escalationReason);
        }
    }

    /** A rung passed over, and the rule that passed it over. */
    record Skipped(String authorityId, String reason) {
    }

    /**
     * One body of the case and what it did, as the case service recorded it.
     *
     * @param ladderEnded its silence was handled with no rung left above it: its ladder ended with it (false from a
     *     case service older than the field)
     * @param escalationReason with {@code escalatedAt}, why it was passed over or its ladder ended with it, as
     *     {@link Escalation#reason()}; null from a case service older than the field, which means
     *     {@link Escalation#NO_ANSWER_BY_DEADLINE}
     */
    record HistoryEntry(String authorityId, String role, @Nullable Instant notifiedAt, boolean noticeFailed,
            LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant remindedAt,
            @Nullable Instant acknowledgedAt, @Nullable String registrationNumber, @Nullable Instant answeredAt,
            @Nullable Instant escalatedAt, boolean ladderEnded, @Nullable String escalationReason) {

        /** A body as a case service older than {@code escalationReason} wrote it. */
        public HistoryEntry(String authorityId, String role, @Nullable Instant notifiedAt, boolean noticeFailed,
                LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant remindedAt,
                @Nullable Instant acknowledgedAt, @Nullable String registrationNumber, @Nullable Instant answeredAt,
                @Nullable Instant escalatedAt, boolean ladderEnded) {
            this(authorityId, role, notifiedAt, noticeFailed, acknowledgeBy, answerBy, remindedAt, acknowledgedAt,
                    registrationNumber, answeredAt, escalatedAt, ladderEnded, null);
        }

        /** True when the caseworkers decided not to wait for the body's answer. */
        public boolean passedOverByDecision() {
            return Escalation.CASEWORKER_DECISION.equals(escalationReason);
        }
    }
}
