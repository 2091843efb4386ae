package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step of a case's escalation ladder that the case service found due (docs/case.md, "Escalation ladder"), as read
 * from {@code cases.events.v1}: a body reminded to acknowledge, a silent body's case escalated to the next rung, or
 * a ladder climbed to its top. Bodies are named by directory id; no personal data.
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
     * {@code EscalationDue}: {@code fromAuthorityId} did not answer by its deadline; the rung is told now.
     *
     * @param summary the complaint by category, for the rung that never received it; null from a case service
     *     older than the field
     */
    record Escalation(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String fromAuthorityId,
            String toAuthorityId, int rung, boolean lastRung, String reason, LocalDate acknowledgeBy,
            LocalDate answerBy, List<Skipped> skippedRungs, List<HistoryEntry> history,
            @Nullable CaseSummary summary) implements LadderStep {

        public Escalation {
            skippedRungs = List.copyOf(skippedRungs);
            history = List.copyOf(history);
        }
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
     * {@code ANSWERED} by {@code authorityId}, or {@code ESCALATED}: {@code authorityId} stayed silent past
     * {@code answerBy} and the case went up to {@code toAuthorityId}. The complainant block is opened: who may be
     * written to, and in which language, is decided by the planner. {@code role} is the body's (PRIMARY, COPY,
     * ESCALATION), absent in events written before the case service sent it.
     */
    record ComplainantUpdate(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String update,
            String authorityId, Map<Language, String> authorityName, LocalDate answerBy,
            @Nullable String registrationNumber, @Nullable String outcome, @Nullable String forwardedTo,
            @Nullable String reason, @Nullable String toAuthorityId, Map<Language, String> toAuthorityName,
            @Nullable LocalDate toAnswerBy, ComplainantMode mode, RoutedComplaint.Complainant complainant,
            @Nullable String role)
            implements LadderStep {

        public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
        public static final String ANSWERED = "ANSWERED";
        public static final String ESCALATED = "ESCALATED";

        public ComplainantUpdate {
            authorityName = Map.copyOf(authorityName);
            toAuthorityName = Map.copyOf(toAuthorityName);
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
     */
    record HistoryEntry(String authorityId, String role, @Nullable Instant notifiedAt, boolean noticeFailed,
            LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant remindedAt,
            @Nullable Instant acknowledgedAt, @Nullable String registrationNumber, @Nullable Instant answeredAt,
            @Nullable Instant escalatedAt, boolean ladderEnded) {
    }
}
