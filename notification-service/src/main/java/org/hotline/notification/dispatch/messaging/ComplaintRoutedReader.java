package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.EventJson.date;
import static org.hotline.notification.dispatch.messaging.EventJson.enumValue;
import static org.hotline.notification.dispatch.messaging.EventJson.flag;
import static org.hotline.notification.dispatch.messaging.EventJson.instant;
import static org.hotline.notification.dispatch.messaging.EventJson.missingOrInvalid;
import static org.hotline.notification.dispatch.messaging.EventJson.object;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalFlag;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalObject;
import static org.hotline.notification.dispatch.messaging.EventJson.optionalText;
import static org.hotline.notification.dispatch.messaging.EventJson.strings;
import static org.hotline.notification.dispatch.messaging.EventJson.text;
import static org.hotline.notification.dispatch.messaging.EventJson.uuid;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.SEALED_VALUE_UNOPENABLE;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.UNSUPPORTED_SCHEMA_VERSION;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.Assignment;
import org.hotline.notification.dispatch.domain.AssignmentRole;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.domain.SealedValue;
import org.hotline.notification.sealing.domain.SealingException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ComplaintRouted} v1 (docs/events.md) into the domain, opening the sealed description and
 * complainant. Anything it cannot read is a {@link PoisonEventException} naming the reason. Unknown fields are
 * ignored so that routing can add optional ones without a new version.
 */
final class ComplaintRoutedReader {

    static final String EVENT_TYPE = "ComplaintRouted";
    static final int SCHEMA_VERSION = 1;
    private static final String SEALED_IN = "complaints.received.v1/";

    private final JsonMapper json;
    private final SealedFields sealer;
    private final ComplainantBlocks complainants;

    ComplaintRoutedReader(JsonMapper json, SealedFields sealer) {
        this.json = json;
        this.sealer = sealer;
        this.complainants = new ComplainantBlocks(json, sealer);
    }

    RoutedComplaint read(byte[] payload) {
        JsonNode root = EventJson.parse(json, payload);
        String eventType = text(root, "eventType");
        if (!EVENT_TYPE.equals(eventType)) {
            throw new PoisonEventException(INVALID_FIELD, "eventType is '" + eventType + "', expected " + EVENT_TYPE);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != SCHEMA_VERSION) {
            throw new PoisonEventException(UNSUPPORTED_SCHEMA_VERSION, "unsupported schemaVersion " + version
                    + ", this service reads " + SCHEMA_VERSION);
        }
        UUID complaintId = uuid(root, "complaintId");
        JsonNode complaint = object(root, "complaint");
        JsonNode incident = object(complaint, "incident");
        JsonNode location = object(complaint, "location");
        JsonNode workplace = optionalObject(complaint, "workplace");
        JsonNode accused = optionalObject(complaint, "accused");
        JsonNode complainant = object(complaint, "complainant");
        String description = new String(open(sealed(incident, "description"), complaintId, "incident.description"),
                StandardCharsets.UTF_8);
        return new RoutedComplaint(
                uuid(root, "eventId"),
                complaintId,
                text(root, "reference"),
                instant(root, "receivedAt"),
                flag(root, "fallback"),
                optionalText(root, "rulesVersion") == null ? "" : text(root, "rulesVersion"),
                assignments(root),
                new RoutedComplaint.Incident(strings(incident, "categories"), description,
                        date(incident, "occurredOn"), optionalFlag(incident, "ongoing")),
                new RoutedComplaint.Place(text(location, "country"), optionalText(location, "region"),
                        optionalText(location, "districtCode"), optionalText(location, "settlement")),
                new RoutedComplaint.Workplace(optionalText(workplace, "sector"), optionalText(workplace, "type"),
                        optionalText(workplace, "organizationName")),
                new RoutedComplaint.Accused(optionalText(accused, "role"),
                        Boolean.TRUE.equals(optionalFlag(accused, "publicOfficial"))),
                Boolean.TRUE.equals(optionalFlag(optionalObject(complaint, "victim"), "minor")),
                Boolean.TRUE.equals(optionalFlag(optionalObject(complaint, "risk"), "immediateDanger")),
                enumValue(ComplainantMode.class, complainant, "mode"),
                identity(complainant, complaintId));
    }

    private List<Assignment> assignments(JsonNode root) {
        JsonNode array = root.get("assignments");
        if (array == null || !array.isArray()) {
            throw new PoisonEventException(missingOrInvalid(array), "assignments missing or not an array");
        }
        List<Assignment> assignments = new ArrayList<>();
        for (JsonNode node : array) {
            Map<Language, String> names = new EnumMap<>(Language.class);
            JsonNode nameNode = optionalObject(node, "authorityName");
            if (nameNode != null) {
                for (Language language : Language.values()) {
                    String name = optionalText(nameNode, language.code());
                    if (name != null) {
                        names.put(language, name);
                    }
                }
            }
            JsonNode deadline = node.get("answerDeadlineWorkingDays");
            assignments.add(new Assignment(
                    text(node, "authorityId"),
                    optionalText(node, "authorityType") == null ? "" : text(node, "authorityType"),
                    enumValue(AssignmentRole.class, node, "role"),
                    optionalText(node, "ruleId") == null ? "" : text(node, "ruleId"),
                    optionalText(node, "reason") == null ? "" : text(node, "reason"),
                    names,
                    text(node, "contactEmail"),
                    language(text(node, "correspondenceLanguage")),
                    deadline == null || deadline.isNull() ? null : integer(deadline),
                    translations(optionalObject(node, "reasonTranslations")),
                    date(node, "acknowledgeBy"), date(node, "answerBy")));
        }
        return assignments;
    }

    /**
     * The optional translations of an assignment's reason. They only improve a message that can be sent without
     * them, so a language this service does not write, or a value that is not text, is skipped rather than
     * poisoning the event: the English reason stands in.
     */
    private static Map<Language, String> translations(@Nullable JsonNode node) {
        Map<Language, String> translations = new EnumMap<>(Language.class);
        if (node != null) {
            for (Language language : Language.values()) {
                JsonNode text = node.get(language.code());
                if (text != null && text.isString()) {
                    translations.put(language, text.stringValue());
                }
            }
        }
        return translations;
    }

    private RoutedComplaint.Complainant identity(JsonNode complainant, UUID complaintId) {
        return complainants.open(complainant, complaintId);
    }

    private byte[] open(SealedValue sealed, UUID complaintId, String field) {
        try {
            return sealer.open(complaintId, sealed, SEALED_IN + complaintId + "/" + field);
        } catch (SealingException e) {
            throw new PoisonEventException(SEALED_VALUE_UNOPENABLE, "sealed " + field + " does not open: "
                    + e.getMessage(), e);
        }
    }

    private static SealedValue sealed(JsonNode parent, String field) {
        JsonNode node = object(parent, field);
        return new SealedValue(text(node, "keyId"), text(node, "algorithm"), text(node, "iv"),
                text(node, "ciphertext"));
    }

    private static int integer(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new PoisonEventException(INVALID_FIELD, "answerDeadlineWorkingDays is not an integer");
        }
        return node.intValue();
    }

    private static Language language(String code) {
        return Language.fromCode(code)
                .orElseThrow(() -> new PoisonEventException(INVALID_FIELD, "unknown language '" + code + "'"));
    }
}
