package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.PoisonEventException.MISSING_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.UNSUPPORTED_SCHEMA_VERSION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hotline.notification.dispatch.domain.LadderStep;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.web.json.JsonEventSchema.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the case service's events on {@code cases.events.v1} (docs/events.md) that call for letters:
 * {@code AcknowledgementReminderDue}, {@code EscalationDue}, {@code EscalationExhausted} and
 * {@code ComplainantUpdateDue} (whose sealed complainant block it opens). Each is read in version 1, and
 * {@code EscalationDue} in version 2 too: the case service writes a step at a deadline as version 1, as before, and
 * a caseworker's decision not to wait for a body as version 2, which adds the reason {@code CASEWORKER_DECISION} and
 * the caseworker's {@code decision}. Every other event type on the topic (acknowledgements, answers, and types added
 * later) calls for none and is passed over. A record of one of these types is checked against the published schema
 * of its version (docs/schemas), and one that cannot be read is a {@link PoisonEventException} naming the reason: a
 * version not listed here is {@code unsupported_schema_version}. Unknown fields are ignored, so that the case service
 * can add optional ones within a version ({@code escalationReason} of {@code ComplainantUpdateDue} is one; absent, it
 * means the deadline passed).
 *
 * <p>The schemas cannot say that an {@code ESCALATED} update names the rung, nor that a caseworker's decision comes
 * with its {@code decision}; those rules are checked here. The escalation's {@code summary} is read as it always has
 * been, because it only adds to a letter that can go without it: a summary that is not an object is taken for
 * absent, its categories that are not codes are skipped, a flag that is not true is false, and a region or workplace
 * or role outside the documented format is shown as it is.
 */
final class CaseEventReader {

    static final String REMINDER = "AcknowledgementReminderDue";
    static final String ESCALATION = "EscalationDue";
    static final String EXHAUSTED = "EscalationExhausted";
    static final String COMPLAINANT_UPDATE = "ComplainantUpdateDue";
    private static final Set<String> SUMMARY_FLAGS = Set.of("summary.accusedPublicOfficial", "summary.victimMinor",
            "summary.immediateDanger");
    private static final Set<String> SUMMARY_CODES = Set.of("summary.region", "summary.workplaceSector",
            "summary.workplaceType", "summary.accusedRole");

    /** The published schema of each version read, by event type, oldest version first. */
    private final Map<String, SortedMap<Integer, EventSchema>> schemas = Map.of(
            REMINDER, new TreeMap<>(Map.of(1, new EventSchema("acknowledgement-reminder-due.v1.schema.json"))),
            ESCALATION, new TreeMap<>(Map.of(1, new EventSchema("escalation-due.v1.schema.json"),
                    2, new EventSchema("escalation-due.v2.schema.json"))),
            EXHAUSTED, new TreeMap<>(Map.of(1, new EventSchema("escalation-exhausted.v1.schema.json"))),
            COMPLAINANT_UPDATE, new TreeMap<>(Map.of(1, new EventSchema("complainant-update-due.v1.schema.json"))));
    private final ComplainantBlocks complainants;

    CaseEventReader(JsonMapper json, SealedFields sealer) {
        this.complainants = new ComplainantBlocks(json, sealer);
    }

    /** The ladder step the record states; empty for an event that calls for no letter. */
    Optional<LadderStep> read(byte[] payload) {
        // Any of the schemas parses: the type is known only once the record is read.
        JsonNode root = schemas.get(REMINDER).get(1).parse(payload);
        JsonNode type = root.get("eventType");
        SortedMap<Integer, EventSchema> versions = type == null || !type.isString() ? null
                : schemas.get(type.stringValue());
        if (versions == null) {
            return Optional.empty();
        }
        String eventType = type.stringValue();
        EventSchema schema = stated(root, eventType, versions);
        schema.check(root, CaseEventReader::letThrough);
        return Optional.of(switch (eventType) {
            case REMINDER -> reminder(schema.bind(root, Reminder.class));
            case ESCALATION -> escalation(schema, schema.bind(root, Escalation.class));
            case EXHAUSTED -> exhausted(schema, schema.bind(root, Exhausted.class));
            default -> complainantUpdate(schema.bind(root, Update.class));
        });
    }

    /** The schema of the version the event states; a version this service does not read is poison. */
    private static EventSchema stated(JsonNode event, String eventType, SortedMap<Integer, EventSchema> versions) {
        for (Map.Entry<Integer, EventSchema> version : versions.entrySet()) {
            if (EventSchema.hasVersion(event, version.getKey())) {
                return version.getValue();
            }
        }
        String read = versions.keySet().stream().map(String::valueOf).collect(Collectors.joining(" and "));
        throw new PoisonEventException(UNSUPPORTED_SCHEMA_VERSION, "unsupported schemaVersion "
                + EventSchema.shownVersion(event) + " of " + eventType + ", this service reads " + read);
    }

    private static boolean letThrough(Violation violation) {
        String path = violation.path();
        return path.equals("summary") && violation.expected().equals("a JSON object")
                || path.equals("summary.categories") || path.startsWith("summary.categories[")
                || SUMMARY_FLAGS.contains(path)
                || SUMMARY_CODES.contains(path) && violation.expected().equals("in the documented format");
    }

    private static LadderStep reminder(Reminder event) {
        return new LadderStep.Reminder(event.eventId(), event.complaintId(), event.reference(), event.occurredAt(),
                event.authorityId(), event.role(), event.notifiedAt(), event.acknowledgeBy(), event.answerBy());
    }

    private static LadderStep escalation(EventSchema schema, Escalation event) {
        LadderStep.Decision decision = null;
        // Only v2 allows the reason; its schema has checked the decision's fields, when there is one.
        if (LadderStep.Escalation.CASEWORKER_DECISION.equals(event.reason())) {
            if (event.decision() == null) {
                throw new PoisonEventException(MISSING_FIELD, "an escalation by CASEWORKER_DECISION needs decision");
            }
            Decision request = schema.bind(event.decision(), Decision.class);
            decision = new LadderStep.Decision(request.reason(), request.requestedAt());
        }
        return new LadderStep.Escalation(event.eventId(), event.complaintId(), event.reference(),
                event.occurredAt(), event.fromAuthorityId(), event.toAuthorityId(), event.rung(), event.lastRung(),
                event.reason(), decision, event.acknowledgeBy(), event.answerBy(), skipped(event.skippedRungs()),
                history(event.history()), summary(schema, event.summary()));
    }

    private static LadderStep exhausted(EventSchema schema, Exhausted event) {
        return new LadderStep.Exhausted(event.eventId(), event.complaintId(), event.reference(), event.occurredAt(),
                event.authorityId(), skipped(event.skippedRungs()), history(event.history()),
                summary(schema, event.summary()));
    }

    private LadderStep complainantUpdate(Update event) {
        if (LadderStep.ComplainantUpdate.ESCALATED.equals(event.update())
                && (event.toAuthorityId() == null || event.toAnswerBy() == null)) {
            throw new PoisonEventException(MISSING_FIELD, "an ESCALATED update needs toAuthorityId and toAnswerBy");
        }
        return new LadderStep.ComplainantUpdate(event.eventId(), event.complaintId(), event.reference(),
                event.occurredAt(), event.update(), event.authorityId(), names(event.authorityName()),
                event.answerBy(), event.registrationNumber(), event.outcome(), event.forwardedTo(), event.reason(),
                event.toAuthorityId(), names(event.toAuthorityName()), event.toAnswerBy(),
                event.complainant().mode(), complainants.open(event.complainant().sealed(), event.complaintId()),
                event.role(), event.escalationReason());
    }

    /** A body's names by language, as the case service sent them; empty when absent. */
    private static Map<Language, String> names(@Nullable Map<String, String> byCode) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        if (byCode != null) {
            for (Language language : Language.values()) {
                String name = byCode.get(language.code());
                if (name != null) {
                    names.put(language, name);
                }
            }
        }
        return names;
    }

    private static List<LadderStep.Skipped> skipped(List<Skipped> rungs) {
        return rungs.stream().map(rung -> new LadderStep.Skipped(rung.authorityId(), rung.reason())).toList();
    }

    private static List<LadderStep.HistoryEntry> history(List<Body> bodies) {
        return bodies.stream().map(body -> new LadderStep.HistoryEntry(body.authorityId(), body.role(),
                body.notifiedAt(), body.noticeFailed(), body.acknowledgeBy(), body.answerBy(), body.remindedAt(),
                body.acknowledgedAt(), body.registrationNumber(), body.answeredAt(), body.escalatedAt(),
                Boolean.TRUE.equals(body.ladderEnded()), body.escalationReason())).toList();
    }

    /** The complaint by category; null when the event has none (a case service older than the field). */
    private static LadderStep.@Nullable CaseSummary summary(EventSchema schema, @Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Summary summary = schema.bind(node, Summary.class);
        List<String> categories = new ArrayList<>();
        if (summary.categories() != null && summary.categories().isArray()) {
            for (JsonNode code : summary.categories().values()) {
                if (code.isString()) {
                    categories.add(code.stringValue());
                }
            }
        }
        return new LadderStep.CaseSummary(summary.receivedAt(), categories, summary.region(),
                summary.workplaceSector(), summary.workplaceType(), summary.accusedRole(),
                isTrue(summary.accusedPublicOfficial()), isTrue(summary.victimMinor()),
                isTrue(summary.immediateDanger()));
    }

    /** A flag of the optional summary: true only when present and true, so that the letter is never held up by it. */
    private static boolean isTrue(@Nullable JsonNode flag) {
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    /** AcknowledgementReminderDue v1 as this service reads it. */
    record Reminder(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String authorityId,
            String role, @Nullable Instant notifiedAt, LocalDate acknowledgeBy, LocalDate answerBy) {
    }

    /**
     * EscalationDue v1 and v2 as this service reads them; its summary is bound on its own, leniently, and its
     * decision (v2) on its own when the reason calls for one, so that v1 ignores a field of that name as before.
     */
    record Escalation(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String fromAuthorityId,
            String toAuthorityId, int rung, boolean lastRung, String reason, @Nullable JsonNode decision,
            LocalDate acknowledgeBy, LocalDate answerBy, List<Skipped> skippedRungs, List<Body> history,
            @Nullable JsonNode summary) {
    }

    /** EscalationDue v2's decision: the caseworker's reason and when they asked. */
    record Decision(String reason, Instant requestedAt) {
    }

    /** EscalationExhausted v1 as this service reads it. */
    record Exhausted(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String authorityId,
            List<Skipped> skippedRungs, List<Body> history, @Nullable JsonNode summary) {
    }

    record Skipped(String authorityId, String reason) {
    }

    /** A body of the case's history. */
    record Body(String authorityId, String role, @Nullable Instant notifiedAt, boolean noticeFailed,
            LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant remindedAt,
            @Nullable Instant acknowledgedAt, @Nullable String registrationNumber, @Nullable Instant answeredAt,
            @Nullable Instant escalatedAt, @Nullable Boolean ladderEnded, @Nullable String escalationReason) {
    }

    /** The summary's categories and flags stay JSON: what is not a code or not true is left out (see above). */
    record Summary(@Nullable Instant receivedAt, @Nullable JsonNode categories, @Nullable String region,
            @Nullable String workplaceSector, @Nullable String workplaceType, @Nullable String accusedRole,
            @Nullable JsonNode accusedPublicOfficial, @Nullable JsonNode victimMinor,
            @Nullable JsonNode immediateDanger) {
    }

    /** ComplainantUpdateDue v1 as this service reads it. */
    record Update(UUID eventId, UUID complaintId, String reference, Instant occurredAt, String update,
            String authorityId, @Nullable Map<String, String> authorityName, LocalDate answerBy,
            @Nullable String registrationNumber, @Nullable String outcome, @Nullable String forwardedTo,
            @Nullable String reason, @Nullable String toAuthorityId, @Nullable Map<String, String> toAuthorityName,
            @Nullable LocalDate toAnswerBy, ComplainantBlocks.Block complainant, @Nullable String role,
            @Nullable String escalationReason) {
    }
}
