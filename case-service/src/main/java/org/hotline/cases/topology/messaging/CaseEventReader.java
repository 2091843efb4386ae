package org.hotline.cases.topology.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.application.DecidedBody;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.casefile.domain.EscalationHold;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.hotline.cases.casefile.domain.TrackingCodes;
import org.hotline.cases.sealing.domain.ComplaintErasedException;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.cases.sealing.domain.SealedValue;
import org.hotline.cases.sealing.domain.SealingException;
import org.hotline.deadlines.domain.Deadlines;
import org.hotline.web.json.JsonEventSchema;
import org.hotline.web.json.JsonEventSchema.NotJsonException;
import org.hotline.web.json.JsonEventSchema.UnboundEventException;
import org.hotline.web.json.JsonEventSchema.Violation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the records of the four topics (docs/events.md) into {@link CaseEvent}s, each against its published schema
 * (docs/schemas) as a tolerant reader: every field this service reads is checked as the schema states it, and a
 * departure in a field it does not read is none of its business. The topics are kept for ever and a case file is
 * built from all of them, so a record skipped for a field nobody here uses would lose a case for nothing; the
 * fields read are listed per event type ({@code *_FIELDS}). Unknown fields are ignored, so producers can add optional
 * ones within v1. Outcomes of emails to anyone but a body, and events of other types, are not case events: empty.
 *
 * <p>What the schemas cannot say stays here: an authority's outcome names the body, ids are not blank, a body's
 * two dates count only together, and the complaint's circumstances are taken as codes or not at all. The
 * complainant block is opened only to hash its tracking code; nothing else of it is read, and the code is not kept.
 * The block itself is handed back unopened, for {@link ComplainantUpdates}. No message quotes a value a producer
 * wrote: they are logged.
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
    /** What an event type's name looks like, so that one may be named in a log without quoting any text. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z]{0,63}");
    /** How many violations one log line lists; a record that departs further is garbage anyway. */
    private static final int LISTED_VIOLATIONS = 5;
    /** Read from its JSON like the other topics' events, not through the writer's class. */
    private static final String ASSIGNMENT_ACKNOWLEDGED = "AssignmentAcknowledged";
    private static final String ASSIGNMENT_ANSWERED = "AssignmentAnswered";
    private static final String CASE_CLOSED = "CaseClosed";
    private static final String ESCALATION_HELD = "EscalationHeld";
    private static final String ESCALATION_REQUESTED = "EscalationRequested";

    private static final List<String> SEALED = List.of("keyId", "algorithm", "iv", "ciphertext");
    private static final Set<String> RECEIVED_FIELDS = fields(List.of("complaintId", "reference", "receivedAt"),
            "complainant.sealed.");
    /**
     * An assignment's name, answer days and dates are not among them: they are taken when usable and otherwise
     * left to this service's directory and clocks, as decisions routed before routing gave them are.
     */
    private static final Set<String> ROUTED_FIELDS = fields(List.of("complaintId", "reference", "receivedAt",
            "assignments", "assignments[].authorityId", "assignments[].authorityType", "assignments[].role",
            "assignments[].correspondenceLanguage"), "complaint.complainant.sealed.");
    /** The recipient and template only sort outcomes out; the schema does not list every template a body gets. */
    private static final Set<String> OUTCOME_FIELDS = Set.of("complaintId", "authorityId", "occurredAt", "status");
    private static final Set<String> ACKNOWLEDGED_FIELDS = Set.of("complaintId", "authorityId", "acknowledgedAt",
            "registrationNumber");
    private static final Set<String> ANSWERED_FIELDS = Set.of("complaintId", "authorityId", "answeredAt", "outcome",
            "forwardedTo", "reason", "outgoingNumber", "outgoingDate", "recordedBy");
    private static final Set<String> CLOSED_FIELDS = Set.of("complaintId", "closedAt", "reason", "principal",
            "occurredAt");
    private static final Set<String> HELD_FIELDS = Set.of("complaintId", "authorityId", "heldUntil", "reason",
            "principal", "occurredAt");
    private static final Set<String> REQUESTED_FIELDS = Set.of("complaintId", "authorityId", "reason", "principal",
            "occurredAt");

    private static final JsonEventSchema RECEIVED = JsonEventSchema.load("complaint-received.v1.schema.json");
    private static final JsonEventSchema ROUTED = JsonEventSchema.load("complaint-routed.v1.schema.json");
    private static final JsonEventSchema OUTCOME = JsonEventSchema.load("notification-outcome.v1.schema.json");
    private static final JsonEventSchema ACKNOWLEDGED = JsonEventSchema.load("assignment-acknowledged.v1.schema.json");
    private static final JsonEventSchema ANSWERED = JsonEventSchema.load("assignment-answered.v1.schema.json");
    private static final JsonEventSchema CLOSED = JsonEventSchema.load("case-closed.v1.schema.json");
    private static final JsonEventSchema HELD = JsonEventSchema.load("escalation-held.v1.schema.json");
    private static final JsonEventSchema REQUESTED = JsonEventSchema.load("escalation-requested.v1.schema.json");

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
            // Any of the schemas parses: parsing does not depend on the event type.
            root = RECEIVED.parse(payload);
        } catch (NotJsonException e) {
            throw new UnreadableEventException(e.getMessage());
        }
        if (!root.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        if (topic.equals(topics.received())) {
            expect(root, "ComplaintReceived");
            Received received = conforming(root, RECEIVED, RECEIVED_FIELDS, Received.class);
            UUID id = received.complaintId();
            JsonNode complainant = root.get("complainant");
            return new Read(Optional.of(new CaseEvent.ComplaintRegistered(id, received.reference(),
                    instant(received.receivedAt(), "receivedAt"), trackingCodeHash(id, received.complainant()))),
                    json.writeValueAsBytes(complainant));
        }
        if (topic.equals(topics.routed())) {
            expect(root, "ComplaintRouted");
            Routed routed = conforming(root, ROUTED, ROUTED_FIELDS, Routed.class);
            UUID id = routed.complaintId();
            JsonNode complaint = root.get("complaint");
            JsonNode complainant = complaint.get("complainant");
            return new Read(Optional.of(recorder.decision(id, routed.reference(),
                    instant(routed.receivedAt(), "receivedAt"), trackingCodeHash(id, routed.complaint().complainant()),
                    bodies(routed.assignments()), circumstances(complaint))), json.writeValueAsBytes(complainant));
        }
        if (topic.equals(topics.outcomes())) {
            expect(root, "NotificationOutcome");
            if (!"AUTHORITY".equals(optionalText(root, "recipientType"))
                    || !NOTICES.contains(optionalText(root, "template"))) {
                return Read.nothing();
            }
            Outcome outcome = conforming(root, OUTCOME, OUTCOME_FIELDS, Outcome.class);
            if (outcome.authorityId() == null) {
                throw new UnreadableEventException("required field authorityId is missing (an outcome of an email "
                        + "to a body names the body)");
            }
            return Read.of(new CaseEvent.BodyNotified(outcome.complaintId(), id(outcome.authorityId(), "authorityId"),
                    instant(outcome.occurredAt(), "occurredAt"), outcome.status().equals("SENT")));
        }
        if (topic.equals(topics.caseEvents())) {
            String type = optionalText(root, "eventType");
            if (ASSIGNMENT_ANSWERED.equals(type)) {
                expect(root, ASSIGNMENT_ANSWERED);
                Answered answered = conforming(root, ANSWERED, ANSWERED_FIELDS, Answered.class);
                return Read.of(new CaseEvent.BodyAnswered(answered.complaintId(),
                        id(answered.authorityId(), "authorityId"), instant(answered.answeredAt(), "answeredAt"),
                        answer(answered)));
            }
            if (CASE_CLOSED.equals(type)) {
                expect(root, CASE_CLOSED);
                Closed closed = conforming(root, CLOSED, CLOSED_FIELDS, Closed.class);
                return Read.of(new CaseEvent.CaseClosed(closed.complaintId(),
                        new Closure(instant(closed.closedAt(), "closedAt"), closed.reason(), closed.principal(),
                                instant(closed.occurredAt(), "occurredAt"))));
            }
            if (ESCALATION_HELD.equals(type)) {
                expect(root, ESCALATION_HELD);
                Held held = conforming(root, HELD, HELD_FIELDS, Held.class);
                return Read.of(new CaseEvent.EscalationHeld(held.complaintId(), id(held.authorityId(), "authorityId"),
                        new EscalationHold(day(held.heldUntil(), "heldUntil"), held.reason(), held.principal(),
                                instant(held.occurredAt(), "occurredAt"))));
            }
            if (ESCALATION_REQUESTED.equals(type)) {
                expect(root, ESCALATION_REQUESTED);
                Requested requested = conforming(root, REQUESTED, REQUESTED_FIELDS, Requested.class);
                return Read.of(new CaseEvent.EscalationRequested(requested.complaintId(),
                        id(requested.authorityId(), "authorityId"), new EscalationRequest(requested.reason(),
                                requested.principal(), instant(requested.occurredAt(), "occurredAt"))));
            }
            if (!ASSIGNMENT_ACKNOWLEDGED.equals(type)) {
                return Read.nothing();
            }
            expect(root, ASSIGNMENT_ACKNOWLEDGED);
            Acknowledged acknowledged = conforming(root, ACKNOWLEDGED, ACKNOWLEDGED_FIELDS, Acknowledged.class);
            return Read.of(new CaseEvent.BodyAcknowledged(acknowledged.complaintId(),
                    id(acknowledged.authorityId(), "authorityId"),
                    instant(acknowledged.acknowledgedAt(), "acknowledgedAt"),
                    id(acknowledged.registrationNumber(), "registrationNumber")));
        }
        throw new UnreadableEventException("no reader for topic " + topic);
    }

    /**
     * {@code root} bound to {@code type} once the fields this service reads conform to {@code schema}; every
     * departure among them is listed (up to a few), by path, never with its value.
     */
    private static <T> T conforming(JsonNode root, JsonEventSchema schema, Set<String> fields, Class<T> type) {
        List<Violation> violations = schema.violations(root, fields).stream()
                .filter(violation -> !isReferenceSpelling(violation)).toList();
        if (!violations.isEmpty()) {
            String listed = violations.stream().limit(LISTED_VIOLATIONS).map(Violation::describe)
                    .collect(Collectors.joining("; "));
            throw new UnreadableEventException(violations.size() <= LISTED_VIOLATIONS ? listed
                    : listed + "; and " + (violations.size() - LISTED_VIOLATIONS) + " more");
        }
        try {
            return schema.bind(root, type);
        } catch (UnboundEventException e) {
            throw new UnreadableEventException(e.getMessage());
        }
    }

    /**
     * A reference outside the documented letters is read as it is, as notification does: it is only quoted to
     * people, and refusing the event would lose the case. It must still be a non-empty string.
     */
    private static boolean isReferenceSpelling(Violation violation) {
        return violation.path().equals("reference") && violation.expected().equals("in the documented format");
    }

    private static @Nullable LocalDate day(@Nullable String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'" + field + "' is not an ISO-8601 date");
        }
    }

    private static Answer answer(Answered answered) {
        LocalDate outgoingDate;
        try {
            outgoingDate = answered.outgoingDate() == null ? null : LocalDate.parse(answered.outgoingDate());
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'outgoingDate' is not an ISO-8601 date");
        }
        return new Answer(answered.outcome(), answered.forwardedTo(), answered.reason(), answered.outgoingNumber(),
                outgoingDate, answered.recordedBy());
    }

    private static List<DecidedBody> bodies(List<Body> assignments) {
        List<DecidedBody> bodies = new ArrayList<>();
        for (Body assignment : assignments) {
            Map<String, String> names = new LinkedHashMap<>();
            JsonNode name = assignment.authorityName();
            if (name != null && name.isObject()) {
                for (String language : List.of("kk", "ru", "en")) {
                    String value = optionalText(name, language);
                    if (value != null) {
                        names.put(language, value);
                    }
                }
            }
            JsonNode days = assignment.answerDeadlineWorkingDays();
            bodies.add(new DecidedBody(id(assignment.authorityId(), "authorityId"), assignment.authorityType(), names,
                    assignment.role(), assignment.correspondenceLanguage(),
                    days != null && days.isIntegralNumber() && days.intValue() > 0 ? days.intValue() : null,
                    dated(assignment)));
        }
        return bodies;
    }

    /** The dates routing gave the body, when it gave both (decisions routed before it did have neither). */
    private static @Nullable Deadlines dated(Body assignment) {
        String acknowledgeBy = text(assignment.acknowledgeBy());
        String answerBy = text(assignment.answerBy());
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
    private static Circumstances circumstances(JsonNode complaint) {
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
    private @Nullable String trackingCodeHash(UUID complaintId, Complainant complainant) {
        Sealed sealed = complainant.sealed();
        try {
            SealedValue value = new SealedValue(id(sealed.keyId(), "keyId"), sealed.algorithm(), id(sealed.iv(), "iv"),
                    id(sealed.ciphertext(), "ciphertext"));
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

    /**
     * Checked before the schema, so that another version or type is refused as such and not for the fields it
     * lacks. An event type is named only when it looks like one, a version only when it is a whole number: anything
     * else may be any text the producer wrote.
     */
    private static void expect(JsonNode root, String eventType) {
        String type = optionalText(root, "eventType");
        if (!eventType.equals(type)) {
            throw new UnreadableEventException("eventType is " + (type == null ? "missing"
                    : TYPE_NAME.matcher(type).matches() ? "'" + type + "'" : "not an event type's name")
                    + ", expected " + eventType);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
            throw new UnreadableEventException("unsupported schemaVersion " + (version == null ? "null"
                    : version.isIntegralNumber() ? version.toString()
                            : "(a JSON " + version.getNodeType().name().toLowerCase(Locale.ROOT) + ")")
                    + ", this service reads 1");
        }
    }

    /** An id or a number a body gave: the schema allows blank text, this service never did. */
    private static String id(String value, String field) {
        if (value.isBlank()) {
            throw new UnreadableEventException("'" + field + "' is missing");
        }
        return value;
    }

    private static @Nullable String text(@Nullable JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        return text(node.get(field));
    }

    /** The schema checks the format (RFC 3339); java.time reads all but a few of its spellings (a leap second). */
    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'" + field + "' is not an ISO-8601 instant");
        }
    }

    private static Set<String> fields(List<String> fields, String sealedAt) {
        Set<String> all = new LinkedHashSet<>(fields);
        SEALED.forEach(field -> all.add(sealedAt + field));
        return Set.copyOf(all);
    }

    /** The fields of ComplaintReceived v1 this service reads; the others are ignored. */
    record Received(UUID complaintId, String reference, String receivedAt, Complainant complainant) {
    }

    record Complainant(Sealed sealed) {
    }

    record Sealed(String keyId, String algorithm, String iv, String ciphertext) {
    }

    /** The fields of ComplaintRouted v1 this service reads, but the circumstances: those are read leniently. */
    record Routed(UUID complaintId, String reference, String receivedAt, List<Body> assignments,
            RoutedComplaint complaint) {
    }

    record RoutedComplaint(Complainant complainant) {
    }

    /** An assignment; the values the schema has not checked here are kept as they came, and read when usable. */
    record Body(String authorityId, String authorityType, String role, String correspondenceLanguage,
            @Nullable JsonNode authorityName, @Nullable JsonNode answerDeadlineWorkingDays,
            @Nullable JsonNode acknowledgeBy, @Nullable JsonNode answerBy) {
    }

    record Outcome(UUID complaintId, @Nullable String authorityId, String occurredAt, String status) {
    }

    record Acknowledged(UUID complaintId, String authorityId, String acknowledgedAt, String registrationNumber) {
    }

    record Answered(UUID complaintId, String authorityId, String answeredAt, AnswerOutcome outcome,
            @Nullable String forwardedTo, @Nullable String reason, @Nullable String outgoingNumber,
            @Nullable String outgoingDate, String recordedBy) {
    }

    record Closed(UUID complaintId, String closedAt, ClosureReason reason, @Nullable String principal,
            String occurredAt) {
    }

    record Held(UUID complaintId, String authorityId, @Nullable String heldUntil, String reason,
            @Nullable String principal, String occurredAt) {
    }

    record Requested(UUID complaintId, String authorityId, String reason, @Nullable String principal,
            String occurredAt) {
    }
}
