package org.hotline.routing.complaint.messaging;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.hotline.deadlines.domain.Deadlines;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.rules.domain.Assignment;
import org.hotline.routing.rules.domain.Decision;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code ComplaintRouted} v1 (docs/events.md). The complaint's parts are written as the raw text they
 * had in {@code ComplaintReceived}, so the sealed values reach the notification service byte for byte. Each
 * assignment carries its deadlines as dates, counted by the statutory clocks from the day of receipt.
 */
final class ComplaintRoutedWriter {

    static final String EVENT_TYPE = "ComplaintRouted";

    private final JsonMapper json = JsonMapper.builder().build();
    private final StatutoryClocks clocks;

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

    private void writeAssignment(JsonGenerator g, Assignment assignment, Instant receivedAt) {
        Authority authority = assignment.authority();
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
        // Optional in v1: the dates the body is held to, which its email states and the case service enforces.
        Deadlines deadlines = clocks.deadlines(authority.id(), authority.type().name(),
                authority.answerDeadlineWorkingDays(), receivedAt);
        g.writeStringProperty("acknowledgeBy", deadlines.acknowledgeBy().toString());
        g.writeStringProperty("answerBy", deadlines.answerBy().toString());
        g.writeEndObject();
    }
}
