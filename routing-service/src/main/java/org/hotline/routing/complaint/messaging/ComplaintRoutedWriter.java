package org.hotline.routing.complaint.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.deadlines.domain.Deadlines;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.rules.domain.Assignment;
import org.hotline.routing.rules.domain.Decision;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code ComplaintRouted} v1 (docs/events.md). The complaint's parts are written as the raw text they
 * had in {@code ComplaintReceived}, so the sealed values reach the notification service byte for byte. Each
 * assignment carries its deadlines as dates, counted by the statutory clocks from the day of receipt.
 */
final class ComplaintRoutedWriter {

    static final String EVENT_TYPE = "ComplaintRouted";

    /**
     * How many assignments' fixed fields are kept written; past it they are all forgotten and written again. Each
     * takes about 4 KiB (its text, its bytes, its key's reasons), so at most about 4 MiB; the sample directory's 173
     * bodies, 9 rules and the fallback name far fewer in practice.
     */
    static final int KEPT_ASSIGNMENTS = 1024;

    private final JsonMapper json = JsonMapper.builder().build();
    private final StatutoryClocks clocks;
    private final Map<Assignment, SerializableString> written = new ConcurrentHashMap<>();

    ComplaintRoutedWriter(StatutoryClocks clocks) {
        this.clocks = clocks;
    }

    byte[] write(ReceivedComplaint received, Decision decision, String eventId, Instant occurredAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("eventId", eventId);
            g.writeStringProperty("eventType", EVENT_TYPE);
            g.writeNumberProperty("schemaVersion", 1);
            g.writeStringProperty("occurredAt", occurredAt.toString());
            g.writeStringProperty("complaintId", received.complaintId());
            g.writeStringProperty("reference", received.reference());
            g.writeStringProperty("receivedAt", received.receivedAt());
            g.writeStringProperty("causationEventId", received.eventId());
            g.writeStringProperty("rulesVersion", decision.rulesVersion());
            g.writeBooleanProperty("fallback", decision.fallback());
            g.writeName("assignments");
            g.writeStartArray();
            Instant receivedAt = Instant.parse(received.receivedAt());
            for (Assignment assignment : decision.assignments()) {
                writeAssignment(g, assignment, receivedAt);
            }
            g.writeEndArray();
            g.writeName("complaint");
            g.writeStartObject();
            g.writeStringProperty("channel", received.channel());
            g.writeStringProperty("language", received.language());
            for (String name : ComplaintReceivedReader.PARTS) {
                String raw = received.rawParts().get(name);
                if (raw != null) {
                    g.writeName(name);
                    g.writeRawValue(raw);
                } else if (name.equals("workplace")) {
                    // Every field of workplace is optional; the object itself is required in ComplaintRouted.
                    g.writeName(name);
                    g.writeStartObject();
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /*
     * Everything of an assignment but its deadlines comes from the directory and the rules, and the same bodies come
     * back with the same reasons complaint after complaint: those fields are written once (their Kazakh and Russian
     * text encoded as UTF-8 once) and kept, up to a bound, since reasons that quote a complainant's region make new
     * ones. The deadlines, counted from each complaint's day, are written each time.
     */
    private void writeAssignment(JsonGenerator g, Assignment assignment, Instant receivedAt) {
        Authority authority = assignment.authority();
        Deadlines deadlines = clocks.deadlines(authority.id(), authority.type().name(),
                authority.answerDeadlineWorkingDays(), receivedAt);
        g.writeRawValue(fixedFields(assignment));
        g.writeRaw("\"acknowledgeBy\":\"" + deadlines.acknowledgeBy() + "\",\"answerBy\":\""
                + deadlines.answerBy() + "\"}");
    }

    /** How many assignments' fixed fields are kept now. */
    int kept() {
        return written.size();
    }

    /** The assignment's object opened, with every field but the deadlines, and the comma before them. */
    private SerializableString fixedFields(Assignment assignment) {
        SerializableString fields = written.get(assignment);
        if (fields == null) {
            if (written.size() >= KEPT_ASSIGNMENTS) {
                written.clear();
            }
            fields = writeFixedFields(assignment);
            written.put(assignment, fields);
        }
        return fields;
    }

    private SerializableString writeFixedFields(Assignment assignment) {
        Authority authority = assignment.authority();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("authorityId", authority.id());
            g.writeStringProperty("authorityType", authority.type().name());
            g.writeStringProperty("level", authority.level().name());
            g.writeStringProperty("jurisdiction", assignment.jurisdiction());
            g.writeStringProperty("role", assignment.role().name());
            g.writeStringProperty("ruleId", assignment.ruleId());
            g.writeStringProperty("reason", assignment.reason().en());
            if (assignment.reason().translated()) {
                // Optional in v1: readers that predate it ignore it and keep using the English reason.
                g.writeName("reasonTranslations");
                g.writeStartObject();
                assignment.reason().byLanguage().forEach(g::writeStringProperty);
                g.writeEndObject();
            }
            g.writeName("authorityName");
            g.writeStartObject();
            g.writeStringProperty("kk", authority.name().kk());
            g.writeStringProperty("ru", authority.name().ru());
            g.writeStringProperty("en", authority.name().en());
            g.writeEndObject();
            g.writeStringProperty("contactEmail", authority.contactEmail());
            g.writeStringProperty("correspondenceLanguage", authority.correspondenceLanguage());
            g.writeBooleanProperty("acceptsAnonymous", authority.acceptsAnonymous());
            if (authority.answerDeadlineWorkingDays() != null) {
                g.writeNumberProperty("answerDeadlineWorkingDays", authority.answerDeadlineWorkingDays().intValue());
            }
            g.writeEndObject();
        }
        // The object's closing brace becomes the comma before the deadlines (optional in v1: the dates the body is
        // held to, which its email states and the case service enforces).
        String object = out.toString(StandardCharsets.UTF_8);
        SerializedString fields = new SerializedString(object.substring(0, object.length() - 1) + ",");
        // Encoded now, before other threads can find it: SerializedString keeps its bytes in a plain field.
        fields.asUnquotedUTF8();
        return fields;
    }
}
