package org.hotline.cases.topology.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.application.DecidedBody;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.casefile.domain.TrackingCodes;
import org.hotline.cases.sealing.domain.ComplaintErasedException;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.cases.sealing.domain.SealedValue;
import org.hotline.cases.sealing.domain.SealingException;
import org.hotline.deadlines.domain.Deadlines;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the records of the four topics (docs/events.md) into {@link CaseEvent}s. Unknown fields are ignored, so
 * producers can add optional ones within v1. Outcomes of emails to anyone but a body, and events of other types,
 * are not case events: empty. The complainant block is opened only to hash its tracking code; nothing else of it
 * is read, and the code is not kept. The block itself is handed back unopened, for {@link ComplainantUpdates}.
 */
final class CaseEventReader {

    /**
     * The templates of the first email to a body: routing's notice, and the letter to a rung of the ladder. Their
     * outcomes say when the body was told, or that its email failed; reminders' outcomes change neither.
     */
    private static final Set<String> NOTICES = Set.of("authority-notice", "authority-escalation");

    private static final Logger log = LoggerFactory.getLogger(CaseEventReader.class);
    /** ISO 3166-2: country, hyphen, up to three letters or digits ({@code KZ-39}, {@code KZ-ALA}). */
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");
    /** Read from its JSON like the other topics' events, not through the writer's class. */
    private static final String ASSIGNMENT_ACKNOWLEDGED = "AssignmentAcknowledged";
    private static final String ASSIGNMENT_ANSWERED = "AssignmentAnswered";
    private static final String CASE_CLOSED = "CaseClosed";

    private final JsonMapper json;
    private final SealedFields opener;
    private final CaseRecorder recorder;
    private final CaseProperties.Topics topics;

    CaseEventReader(JsonMapper json, SealedFields opener, CaseRecorder recorder, CaseProperties.Topics topics) {
        this.json = json;
        this.opener = opener;
        this.recorder = recorder;
        this.topics = topics;
    }

    /**
     * What a record says: its case event, if it is one, and the complaint's {@code complainant} block as it came
     * (sealed, unopened), if the record carries one.
     */
    record Read(Optional<CaseEvent> event, byte @Nullable [] complainant) {

        static Read of(CaseEvent event) {
            return new Read(Optional.of(event), null);
        }

        static Read nothing() {
            return new Read(Optional.empty(), null);
        }
    }

    Read read(String topic, byte[] payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            throw new UnreadableEventException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        if (topic.equals(topics.received())) {
            expect(root, "ComplaintReceived");
            UUID id = uuid(root, "complaintId");
            JsonNode complainant = root.get("complainant");
            return new Read(Optional.of(new CaseEvent.ComplaintRegistered(id, text(root, "reference"),
                    instant(root, "receivedAt"), trackingCodeHash(id, complainant))),
                    json.writeValueAsBytes(complainant));
        }
        if (topic.equals(topics.routed())) {
            expect(root, "ComplaintRouted");
            UUID id = uuid(root, "complaintId");
            JsonNode complaint = root.get("complaint");
            JsonNode complainant = complaint == null ? null : complaint.get("complainant");
            return new Read(Optional.of(recorder.decision(id, text(root, "reference"), instant(root, "receivedAt"),
                    trackingCodeHash(id, complainant), bodies(root), circumstances(complaint))),
                    json.writeValueAsBytes(complainant));
        }
        if (topic.equals(topics.outcomes())) {
            expect(root, "NotificationOutcome");
            if (!"AUTHORITY".equals(optionalText(root, "recipientType"))
                    || !NOTICES.contains(optionalText(root, "template"))) {
                return Read.nothing();
            }
            return Read.of(new CaseEvent.BodyNotified(uuid(root, "complaintId"), text(root, "authorityId"),
                    instant(root, "occurredAt"), "SENT".equals(text(root, "status"))));
        }
        if (topic.equals(topics.caseEvents())) {
            String type = optionalText(root, "eventType");
            if (ASSIGNMENT_ANSWERED.equals(type)) {
                expect(root, ASSIGNMENT_ANSWERED);
                return Read.of(new CaseEvent.BodyAnswered(uuid(root, "complaintId"), text(root, "authorityId"),
                        instant(root, "answeredAt"), answer(root)));
            }
            if (CASE_CLOSED.equals(type)) {
                expect(root, CASE_CLOSED);
                ClosureReason reason;
                try {
                    reason = ClosureReason.valueOf(text(root, "reason"));
                } catch (IllegalArgumentException e) {
                    throw new UnreadableEventException("'reason' is not one of " + List.of(ClosureReason.values()));
                }
                return Read.of(new CaseEvent.CaseClosed(uuid(root, "complaintId"),
                        new Closure(instant(root, "closedAt"), reason, optionalText(root, "principal"),
                                instant(root, "occurredAt"))));
            }
            if (!ASSIGNMENT_ACKNOWLEDGED.equals(type)) {
                return Read.nothing();
            }
            expect(root, ASSIGNMENT_ACKNOWLEDGED);
            return Read.of(new CaseEvent.BodyAcknowledged(uuid(root, "complaintId"), text(root, "authorityId"),
                    instant(root, "acknowledgedAt"), text(root, "registrationNumber")));
        }
        throw new UnreadableEventException("no reader for topic " + topic);
    }

    private static Answer answer(JsonNode root) {
        AnswerOutcome outcome;
        try {
            outcome = AnswerOutcome.valueOf(text(root, "outcome"));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("'outcome' is not one of " + List.of(AnswerOutcome.values()));
        }
        String date = optionalText(root, "outgoingDate");
        LocalDate outgoingDate;
        try {
            outgoingDate = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'outgoingDate' is not an ISO-8601 date");
        }
        return new Answer(outcome, optionalText(root, "forwardedTo"), optionalText(root, "reason"),
                optionalText(root, "outgoingNumber"), outgoingDate, text(root, "recordedBy"));
    }

    private List<DecidedBody> bodies(JsonNode root) {
        JsonNode assignments = root.get("assignments");
        if (assignments == null || !assignments.isArray() || assignments.isEmpty()) {
            throw new UnreadableEventException("'assignments' must be a non-empty array");
        }
        List<DecidedBody> bodies = new ArrayList<>();
        for (JsonNode assignment : assignments) {
            Map<String, String> names = new LinkedHashMap<>();
            JsonNode name = assignment.get("authorityName");
            if (name != null && name.isObject()) {
                for (String language : List.of("kk", "ru", "en")) {
                    String value = optionalText(name, language);
                    if (value != null) {
                        names.put(language, value);
                    }
                }
            }
            JsonNode days = assignment.get("answerDeadlineWorkingDays");
            bodies.add(new DecidedBody(text(assignment, "authorityId"), text(assignment, "authorityType"), names,
                    text(assignment, "role"), text(assignment, "correspondenceLanguage"),
                    days != null && days.isIntegralNumber() && days.intValue() > 0 ? days.intValue() : null,
                    dated(assignment)));
        }
        return bodies;
    }

    /** The dates routing gave the body, when it gave both (decisions routed before it did have neither). */
    private static @Nullable Deadlines dated(JsonNode assignment) {
        String acknowledgeBy = optionalText(assignment, "acknowledgeBy");
        String answerBy = optionalText(assignment, "answerBy");
        if (acknowledgeBy == null || answerBy == null) {
            return null;
        }
        try {
            return new Deadlines(LocalDate.parse(acknowledgeBy), LocalDate.parse(answerBy));
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'acknowledgeBy' or 'answerBy' is not an ISO-8601 date");
        }
    }

    /**
     * The complaint's facts by category: the workplace's and the accused's categories, for the escalation ladder's
     * conflict rules; the region code, for the overdue count; what happened and the victim's and risk flags, for
     * the summary a rung is sent. Codes and flags only, never the complainant's words. A region that is not an
     * ISO 3166-2 code is not kept (it would become a metric label), nor a category that is not a code.
     */
    private static Circumstances circumstances(@Nullable JsonNode complaint) {
        if (complaint == null) {
            return Circumstances.UNKNOWN;
        }
        JsonNode workplace = complaint.get("workplace");
        JsonNode accused = complaint.get("accused");
        JsonNode location = complaint.get("location");
        JsonNode incident = complaint.get("incident");
        String region = location == null ? null : optionalText(location, "region");
        List<String> categories = new ArrayList<>();
        JsonNode codes = incident == null ? null : incident.get("categories");
        if (codes != null && codes.isArray()) {
            for (JsonNode code : codes.values()) {
                if (code.isString() && CODE.matcher(code.asString()).matches()) {
                    categories.add(code.asString());
                }
            }
        }
        return new Circumstances(workplace == null ? null : optionalText(workplace, "sector"),
                workplace == null ? null : optionalText(workplace, "type"),
                accused == null ? null : optionalText(accused, "role"),
                flag(accused, "publicOfficial"),
                region != null && REGION.matcher(region).matches() ? region : null,
                categories, flag(complaint.get("victim"), "minor"), flag(complaint.get("risk"), "immediateDanger"));
    }

    private static boolean flag(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    /**
     * The hash of the tracking code in the sealed complainant block; null (and a warning naming the complaint) when
     * the block does not open, so that the case is still followed although its status cannot be asked for.
     */
    private @Nullable String trackingCodeHash(UUID complaintId, @Nullable JsonNode complainant) {
        JsonNode sealed = complainant == null ? null : complainant.get("sealed");
        if (sealed == null || !sealed.isObject()) {
            throw new UnreadableEventException("'complainant.sealed' is missing");
        }
        try {
            SealedValue value = new SealedValue(text(sealed, "keyId"), text(sealed, "algorithm"), text(sealed, "iv"),
                    text(sealed, "ciphertext"));
            JsonNode opened = json.readTree(opener.open(complaintId, value, "complaints.received.v1/" + complaintId
                    + "/complainant"));
            String code = opened == null ? null : optionalText(opened, "trackingCode");
            if (code == null) {
                log.warn("Complaint {}: its complainant block has no tracking code; its status cannot be asked for",
                        complaintId);
                return null;
            }
            return TrackingCodes.hash(complaintId, code);
        } catch (ComplaintErasedException e) {
            log.info("Complaint {} was erased: its status cannot be asked for any more", complaintId);
            return null;
        } catch (SealingException | JacksonException e) {
            log.warn("Complaint {}: its complainant block does not open ({}); its status cannot be asked for until "
                    + "the key is configured and the case replayed", complaintId, e.getMessage());
            return null;
        }
    }

    private static void expect(JsonNode root, String eventType) {
        String type = optionalText(root, "eventType");
        if (!eventType.equals(type)) {
            throw new UnreadableEventException("eventType is '" + type + "', expected " + eventType);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
            throw new UnreadableEventException("unsupported schemaVersion " + version + ", this service reads 1");
        }
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("'" + field + "' is missing");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("'" + field + "' is not a UUID");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'" + field + "' is not an ISO-8601 instant");
        }
    }
}
