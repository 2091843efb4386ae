package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.MISSING_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.SEALED_VALUE_UNOPENABLE;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.UNSUPPORTED_SCHEMA_VERSION;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.notification.dispatch.domain.Assignment;
import org.hotline.notification.dispatch.domain.AssignmentRole;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.domain.SealedValue;
import org.hotline.notification.sealing.domain.SealingException;
import org.hotline.web.json.JsonEventSchema.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ComplaintRouted} v1 into the domain, opening the sealed description and complainant. The event is
 * checked against its published schema (docs/schemas/complaint-routed.v1.schema.json), so that what this service
 * accepts is what integrators read; anything it cannot read is a {@link PoisonEventException} naming the reason.
 * Unknown fields are ignored so that routing can add optional ones without a new version.
 *
 * <p>Three departures from the schema are let through, as this reader always has, because the letters do not
 * need them to hold: the {@code reference}'s format (it is only quoted, made safe like any inserted value), an
 * assignment's {@code contactEmail} that is not one plain address (the message to it fails as
 * {@code INVALID_ADDRESS} and the caseworkers are alerted, docs/notification.md) and its
 * {@code reasonTranslations} (optional help: a translation that is not text, or in a language this service does
 * not write, is skipped and the English reason stands in).
 */
final class ComplaintRoutedReader {

    static final String EVENT_TYPE = "ComplaintRouted";
    static final int SCHEMA_VERSION = 1;
    private static final String SEALED_IN = "complaints.received.v1/";
    private static final Pattern CONTACT_EMAIL = Pattern.compile("assignments\\[\\d+]\\.contactEmail");
    private static final Pattern TRANSLATIONS = Pattern.compile("assignments\\[\\d+]\\.reasonTranslations(\\..*)?");

    private final EventSchema schema = new EventSchema("complaint-routed.v1.schema.json");
    private final SealedFields sealer;
    private final ComplainantBlocks complainants;

    ComplaintRoutedReader(JsonMapper json, SealedFields sealer) {
        this.sealer = sealer;
        this.complainants = new ComplainantBlocks(json, sealer);
    }

    RoutedComplaint read(byte[] payload) {
        JsonNode root = schema.parse(payload);
        JsonNode eventType = root.get("eventType");
        if (eventType == null || !eventType.isString()) {
            throw new PoisonEventException(eventType == null ? MISSING_FIELD : INVALID_FIELD,
                    "eventType missing or not a string");
        }
        if (!EVENT_TYPE.equals(eventType.stringValue())) {
            throw new PoisonEventException(INVALID_FIELD, "eventType is another event's, expected " + EVENT_TYPE);
        }
        if (!EventSchema.hasVersion(root, SCHEMA_VERSION)) {
            throw new PoisonEventException(UNSUPPORTED_SCHEMA_VERSION, "unsupported schemaVersion "
                    + EventSchema.shownVersion(root) + ", this service reads " + SCHEMA_VERSION);
        }
        schema.check(root, ComplaintRoutedReader::letThrough);
        Routed event = schema.bind(root, Routed.class);
        Routed.Complaint complaint = event.complaint();
        Routed.Incident incident = complaint.incident();
        Routed.Location location = complaint.location();
        Routed.Workplace workplace = complaint.workplace();
        String description = new String(open(incident.description(), event.complaintId(), "incident.description"),
                StandardCharsets.UTF_8);
        return new RoutedComplaint(
                event.eventId(),
                event.complaintId(),
                event.reference(),
                event.receivedAt(),
                event.fallback(),
                event.rulesVersion(),
                event.assignments().stream().map(ComplaintRoutedReader::assignment).toList(),
                new RoutedComplaint.Incident(incident.categories(), description, incident.occurredOn(),
                        incident.ongoing()),
                new RoutedComplaint.Place(location.country(), location.region(), location.districtCode(),
                        location.settlement()),
                new RoutedComplaint.Workplace(workplace.sector(), workplace.type(), workplace.organizationName()),
                new RoutedComplaint.Accused(complaint.accused().role(), complaint.accused().publicOfficial()),
                complaint.victim().minor(),
                complaint.risk().immediateDanger(),
                complaint.complainant().mode(),
                complainants.open(complaint.complainant().sealed(), event.complaintId()));
    }

    private static boolean letThrough(Violation violation) {
        return violation.path().equals("reference") && violation.expected().equals("in the documented format")
                || CONTACT_EMAIL.matcher(violation.path()).matches() && violation.expected().equals("an email address")
                || TRANSLATIONS.matcher(violation.path()).matches();
    }

    private static Assignment assignment(Routed.Assignment assignment) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        names.put(Language.KK, assignment.authorityName().kk());
        names.put(Language.RU, assignment.authorityName().ru());
        names.put(Language.EN, assignment.authorityName().en());
        return new Assignment(assignment.authorityId(), assignment.authorityType(), assignment.role(),
                assignment.ruleId(), assignment.reason(), names, assignment.contactEmail(),
                language(assignment.correspondenceLanguage()), assignment.answerDeadlineWorkingDays(),
                translations(assignment.reasonTranslations()), assignment.acknowledgeBy(), assignment.answerBy());
    }

    /**
     * The optional translations of an assignment's reason. They only improve a message that can be sent without
     * them, so a language this service does not write, or a value that is not text, is skipped rather than
     * poisoning the event: the English reason stands in.
     */
    private static Map<Language, String> translations(@Nullable JsonNode node) {
        Map<Language, String> translations = new EnumMap<>(Language.class);
        if (node != null && node.isObject()) {
            for (Language language : Language.values()) {
                JsonNode text = node.get(language.code());
                if (text != null && text.isString()) {
                    translations.put(language, text.stringValue());
                }
            }
        }
        return translations;
    }

    private byte[] open(SealedValue sealed, UUID complaintId, String field) {
        try {
            return sealer.open(complaintId, sealed, SEALED_IN + complaintId + "/" + field);
        } catch (SealingException e) {
            throw new PoisonEventException(SEALED_VALUE_UNOPENABLE, "sealed " + field + " does not open: "
                    + e.getMessage(), e);
        }
    }

    /** The schema allows kk, ru and en, the languages this service writes. */
    private static Language language(String code) {
        return Language.fromCode(code).orElseThrow(() -> new PoisonEventException(INVALID_FIELD,
                "a correspondenceLanguage is not one this service writes"));
    }

    /** ComplaintRouted v1 as this service reads it: the fields it uses, checked by the schema before binding. */
    record Routed(UUID eventId, UUID complaintId, String reference, Instant receivedAt, boolean fallback,
            String rulesVersion, List<Assignment> assignments, Complaint complaint) {

        record Assignment(String authorityId, String authorityType, AssignmentRole role, String ruleId,
                String reason, Names authorityName, String contactEmail, String correspondenceLanguage,
                @Nullable Integer answerDeadlineWorkingDays, @Nullable JsonNode reasonTranslations,
                @Nullable LocalDate acknowledgeBy, @Nullable LocalDate answerBy) {
        }

        record Names(String kk, String ru, String en) {
        }

        record Complaint(Incident incident, Location location, Workplace workplace, Accused accused, Victim victim,
                Risk risk, ComplainantBlocks.Block complainant) {
        }

        record Incident(List<String> categories, SealedValue description, @Nullable LocalDate occurredOn,
                @Nullable Boolean ongoing) {
        }

        record Location(String country, @Nullable String region, @Nullable String districtCode,
                @Nullable String settlement) {
        }

        record Workplace(@Nullable String sector, @Nullable String type, @Nullable String organizationName) {
        }

        record Accused(@Nullable String role, boolean publicOfficial) {
        }

        record Victim(boolean minor) {
        }

        record Risk(boolean immediateDanger) {
        }
    }
}
