package org.hotline.cases.topology.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseFile;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ComplainantUpdateDue} v1 on {@code cases.events.v1}: news of the case that the complainant is told of, if
 * they left an address and agreed to be contacted. A body confirmed receipt, a body answered, or a silent body's
 * case went up a rung of the ladder. The event carries the complaint's {@code complainant} block exactly as intake
 * sealed it (the case service keeps it unopened, in a store of its own); the notification service opens it, and
 * writes only when the complainant consented. Whether an event is written depends on nothing inside the sealed
 * block, so the topic tells no reader whether the complainant can be reached. None for an anonymous complaint.
 *
 * <p>The event id is derived from the complaint, the kind of news and the body, so the same news has the same id
 * wherever it is computed.
 */
final class ComplainantUpdates {

    static final String EVENT_TYPE = "ComplainantUpdateDue";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.complainant-update-due.v1";
    private static final String ANONYMOUS = "ANONYMOUS";

    private final JsonMapper json;

    ComplainantUpdates(JsonMapper json) {
        this.json = json;
    }

    /** One event ready for the topic, keyed by complaint id. */
    record Update(String key, byte[] value, Headers headers) {
    }

    /**
     * The news in {@code event}, if it changed the file: a body's first acknowledgement or first answer.
     *
     * @param complainant the complaint's {@code complainant} block as stored, or null when the case service never
     *     saw it (then nobody can be told)
     */
    Optional<Update> after(@Nullable CaseFile before, CaseFile after, CaseEvent event, byte @Nullable [] complainant,
            Instant now) {
        if (before == null || complainant == null) {
            return Optional.empty();
        }
        if (event instanceof CaseEvent.BodyAnswered answered) {
            Optional<Assignment> was = before.assignment(answered.authorityId());
            Optional<Assignment> is = after.assignment(answered.authorityId());
            if (was.isPresent() && was.get().answeredAt() == null && is.isPresent() && is.get().answer() != null) {
                return update(after, "ANSWERED", is.get(), null, complainant, now);
            }
        }
        if (event instanceof CaseEvent.BodyAcknowledged acknowledged) {
            Optional<Assignment> was = before.assignment(acknowledged.authorityId());
            Optional<Assignment> is = after.assignment(acknowledged.authorityId());
            if (was.isPresent() && was.get().acknowledgedAt() == null && is.isPresent()
                    && is.get().acknowledgedAt() != null) {
                return update(after, "ACKNOWLEDGED", is.get(), null, complainant, now);
            }
        }
        return Optional.empty();
    }

    /**
     * The news that the case went up past {@code from} to {@code to}, for {@code reason} (the escalation's: the body's
     * silence past its deadline, or a caseworker's decision; never the caseworker's note).
     */
    Optional<Update> escalated(CaseFile file, Assignment from, Assignment to, String reason,
            byte @Nullable [] complainant, Instant now) {
        return complainant == null ? Optional.empty() : update(file, "ESCALATED", from, to, reason, complainant, now);
    }

    private Optional<Update> update(CaseFile file, String kind, Assignment body, @Nullable Assignment rung,
            byte[] complainant, Instant now) {
        return update(file, kind, body, rung, null, complainant, now);
    }

    private Optional<Update> update(CaseFile file, String kind, Assignment body, @Nullable Assignment rung,
            @Nullable String escalationReason, byte[] complainant, Instant now) {
        JsonNode block = json.readTree(complainant);
        JsonNode mode = block.get("mode");
        if (file.reference() == null || mode == null || ANONYMOUS.equals(mode.asString())) {
            return Optional.empty();
        }
        String eventId = UUID.nameUUIDFromBytes((EVENT_TYPE + "\n" + file.complaintId() + "\n" + kind + "\n"
                + body.authorityId()).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("eventType", EVENT_TYPE);
        event.put("schemaVersion", 1);
        event.put("occurredAt", now.toString());
        event.put("complaintId", file.complaintId().toString());
        event.put("reference", file.reference());
        event.put("update", kind);
        event.put("authorityId", body.authorityId());
        // Optional within v1: a copy is never escalated, so notification does not give the complainant its answer date.
        event.put("role", body.role());
        event.put("authorityName", body.authorityName());
        event.put("answerBy", body.answerBy().toString());
        put(event, "acknowledgedAt", body.acknowledgedAt());
        put(event, "registrationNumber", body.registrationNumber());
        put(event, "answeredAt", body.answeredAt());
        Answer answer = body.answer();
        if (answer != null) {
            event.put("outcome", answer.outcome().name());
            put(event, "forwardedTo", answer.forwardedTo());
            put(event, "reason", answer.reason());
        }
        if (rung != null) {
            event.put("toAuthorityId", rung.authorityId());
            event.put("toAuthorityName", rung.authorityName());
            event.put("toAnswerBy", rung.answerBy().toString());
            // Optional within v1: an early escalation is told to the complainant as a caseworker's decision.
            put(event, "escalationReason", escalationReason);
        }
        event.put("complainant", block);
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId);
        header(headers, "ce_source", "urn:hotline:case-service");
        header(headers, "ce_type", CLOUD_EVENT_TYPE);
        header(headers, "ce_time", now.toString());
        header(headers, "ce_subject", file.complaintId().toString());
        header(headers, "content-type", "application/json");
        return Optional.of(new Update(file.complaintId().toString(), json.writeValueAsBytes(event), headers));
    }

    private static void put(Map<String, Object> event, String name, @Nullable Object value) {
        if (value != null) {
            event.put(name, value.toString());
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
