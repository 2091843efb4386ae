package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.EventJson.enumValue;
import static org.hotline.notification.dispatch.messaging.EventJson.flag;
import static org.hotline.notification.dispatch.messaging.EventJson.instant;
import static org.hotline.notification.dispatch.messaging.EventJson.missingOrInvalid;
import static org.hotline.notification.dispatch.messaging.EventJson.object;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalFlag;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalObject;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalText;
import static org.hotline.notification.dispatch.messaging.EventJson.text;
import static org.hotline.notification.dispatch.messaging.EventJson.uuid;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.UNSUPPORTED_SCHEMA_VERSION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.LadderStep;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.sealing.domain.SealedFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the case service's events on {@code cases.events.v1} (docs/events.md) that call for letters:
 * {@code AcknowledgementReminderDue}, {@code EscalationDue}, {@code EscalationExhausted} and
 * {@code ComplainantUpdateDue} (whose sealed complainant block it opens), version 1. Every other
 * event type on the topic (acknowledgements, answers, and types added later) calls for none and is passed over.
 * A record of one of these types that cannot be read is a {@link PoisonEventException} naming the reason.
 * Unknown fields are ignored, so that the case service can add optional ones within v1.
 */
final class CaseEventReader {

    static final String REMINDER = "AcknowledgementReminderDue";
    static final String ESCALATION = "EscalationDue";
    static final String EXHAUSTED = "EscalationExhausted";
    static final String COMPLAINANT_UPDATE = "ComplainantUpdateDue";
    static final int SCHEMA_VERSION = 1;

    private final JsonMapper json;
    private final ComplainantBlocks complainants;

    CaseEventReader(JsonMapper json, SealedFields sealer) {
        this.json = json;
        this.complainants = new ComplainantBlocks(json, sealer);
    }

    /** The ladder step the record states; empty for an event that calls for no letter. */
    Optional<LadderStep> read(byte[] payload) {
        JsonNode root = EventJson.parse(json, payload);
        String eventType = optionalText(root, "eventType");
        if (!REMINDER.equals(eventType) && !ESCALATION.equals(eventType) && !EXHAUSTED.equals(eventType)
                && !COMPLAINANT_UPDATE.equals(eventType)) {
            return Optional.empty();
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != SCHEMA_VERSION) {
            throw new PoisonEventException(UNSUPPORTED_SCHEMA_VERSION, "unsupported schemaVersion of " + eventType
                    + ", this service reads " + SCHEMA_VERSION);
        }
        if (REMINDER.equals(eventType)) {
            return Optional.of(new LadderStep.Reminder(uuid(root, "eventId"), uuid(root, "complaintId"),
                    text(root, "reference"), instant(root, "occurredAt"), text(root, "authorityId"),
                    text(root, "role"), optionalInstant(root, "notifiedAt"), date(root, "acknowledgeBy"),
                    date(root, "answerBy")));
        }
        if (COMPLAINANT_UPDATE.equals(eventType)) {
            return Optional.of(complainantUpdate(root));
        }
        if (ESCALATION.equals(eventType)) {
            JsonNode rung = root.get("rung");
            if (rung == null || !rung.isIntegralNumber() || rung.intValue() < 1) {
                throw new PoisonEventException(missingOrInvalid(rung), "rung missing or not a positive integer");
            }
            return Optional.of(new LadderStep.Escalation(uuid(root, "eventId"), uuid(root, "complaintId"),
                    text(root, "reference"), instant(root, "occurredAt"), text(root, "fromAuthorityId"),
                    text(root, "toAuthorityId"), rung.intValue(), flag(root, "lastRung"), text(root, "reason"),
                    date(root, "acknowledgeBy"), date(root, "answerBy"), skipped(root), history(root),
                    summary(root)));
        }
        return Optional.of(new LadderStep.Exhausted(uuid(root, "eventId"), uuid(root, "complaintId"),
                text(root, "reference"), instant(root, "occurredAt"), text(root, "authorityId"), skipped(root),
                history(root), summary(root)));
    }

    private LadderStep.ComplainantUpdate complainantUpdate(JsonNode root) {
        UUID complaintId = uuid(root, "complaintId");
        String update = text(root, "update");
        if (!List.of(LadderStep.ComplainantUpdate.ACKNOWLEDGED, LadderStep.ComplainantUpdate.ANSWERED,
                LadderStep.ComplainantUpdate.ESCALATED).contains(update)) {
            throw new PoisonEventException(INVALID_FIELD, "update is not one of ACKNOWLEDGED, ANSWERED, ESCALATED");
        }
        String toAuthorityId = optionalText(root, "toAuthorityId");
        String toAnswerBy = optionalText(root, "toAnswerBy");
        if (LadderStep.ComplainantUpdate.ESCALATED.equals(update) && (toAuthorityId == null || toAnswerBy == null)) {
            throw new PoisonEventException(PoisonEventException.MISSING_FIELD,
                    "an ESCALATED update needs toAuthorityId and toAnswerBy");
        }
        JsonNode complainant = object(root, "complainant");
        return new LadderStep.ComplainantUpdate(uuid(root, "eventId"), complaintId, text(root, "reference"),
                instant(root, "occurredAt"), update, text(root, "authorityId"), names(root, "authorityName"),
                date(root, "answerBy"), optionalText(root, "registrationNumber"), optionalText(root, "outcome"),
                optionalText(root, "forwardedTo"), optionalText(root, "reason"), toAuthorityId,
                names(root, "toAuthorityName"), toAnswerBy == null ? null : date(root, "toAnswerBy"),
                enumValue(ComplainantMode.class, complainant, "mode"), complainants.open(complainant, complaintId),
                optionalText(root, "role"));
    }

    /** A body's names by language, as the case service sent them; empty when absent. */
    private static Map<Language, String> names(JsonNode root, String field) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        JsonNode node = optionalObject(root, field);
        if (node != null) {
            for (Language language : Language.values()) {
                String name = optionalText(node, language.code());
                if (name != null) {
                    names.put(language, name);
                }
            }
        }
        return names;
    }

    private static List<LadderStep.Skipped> skipped(JsonNode root) {
        List<LadderStep.Skipped> skipped = new ArrayList<>();
        for (JsonNode rung : array(root, "skippedRungs")) {
            skipped.add(new LadderStep.Skipped(text(rung, "authorityId"), text(rung, "reason")));
        }
        return skipped;
    }

    /** The complaint by category; null when the event has none (a case service older than the field). */
    private static LadderStep.@Nullable CaseSummary summary(JsonNode root) {
        JsonNode summary = optionalObject(root, "summary");
        if (summary == null) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        JsonNode codes = summary.get("categories");
        if (codes != null && codes.isArray()) {
            for (JsonNode code : codes.values()) {
                if (code.isString()) {
                    categories.add(code.asString());
                }
            }
        }
        return new LadderStep.CaseSummary(optionalInstant(summary, "receivedAt"), categories,
                optionalText(summary, "region"), optionalText(summary, "workplaceSector"),
                optionalText(summary, "workplaceType"), optionalText(summary, "accusedRole"),
                isTrue(summary, "accusedPublicOfficial"), isTrue(summary, "victimMinor"),
                isTrue(summary, "immediateDanger"));
    }

    /** A flag of the optional summary: true only when present and true, so that the letter is never held up by it. */
    private static boolean isTrue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static List<LadderStep.HistoryEntry> history(JsonNode root) {
        List<LadderStep.HistoryEntry> history = new ArrayList<>();
        for (JsonNode body : array(root, "history")) {
            history.add(new LadderStep.HistoryEntry(text(body, "authorityId"), text(body, "role"),
                    optionalInstant(body, "notifiedAt"), flag(body, "noticeFailed"), date(body, "acknowledgeBy"),
                    date(body, "answerBy"), optionalInstant(body, "remindedAt"),
                    optionalInstant(body, "acknowledgedAt"), optionalText(body, "registrationNumber"),
                    optionalInstant(body, "answeredAt"), optionalInstant(body, "escalatedAt"),
                    Boolean.TRUE.equals(optionalFlag(body, "ladderEnded"))));
        }
        return history;
    }

    private static JsonNode array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new PoisonEventException(missingOrInvalid(node), field + " missing or not an array");
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw new PoisonEventException(INVALID_FIELD, field + " holds something other than an object");
            }
        }
        return node;
    }

    private static LocalDate date(JsonNode parent, String field) {
        try {
            return LocalDate.parse(text(parent, field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not an ISO-8601 date");
        }
    }

    private static @Nullable Instant optionalInstant(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not an ISO-8601 instant");
        }
    }
}
