package org.hotline.cases.escalation.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of a silence check on {@code cases.events.v1}, keyed by complaint id, as docs/schemas states them
 * ({@code acknowledgement-reminder-due}, {@code escalation-due}, {@code escalation-exhausted}, v1; an escalation a
 * caseworker asked for is {@code escalation-due} v2, with the caseworker's reason). They name bodies
 * by directory id and type: the notification service finds their addresses. No personal data: the complaint's
 * reference, the bodies, dates, and the bodies' own registration numbers.
 *
 * <p>An event's id is derived from the complaint, the event type and the body, so that the same step has the same
 * id wherever it is computed; a reader can drop a repeat by id.
 */
public final class LadderEvents {

    static final String SOURCE = "urn:hotline:case-service";

    private final JsonMapper json;

    public LadderEvents(JsonMapper json) {
        this.json = json;
    }

    /** One event ready for the topic. */
    public record LadderEvent(String key, String eventType, byte[] value, Headers headers) {
    }

    /** The event of {@code due}, issued at {@code at}; {@code file} is the case file after the check. */
    public LadderEvent of(Due due, CaseFile file, Instant at) {
        if (due instanceof Due.ReminderDue reminder) {
            return reminder(reminder.body(), file, at);
        }
        if (due instanceof Due.EscalationDue escalation) {
            return escalation(escalation, file, at);
        }
        return exhausted((Due.LadderExhausted) due, file, at);
    }

    private LadderEvent reminder(Assignment body, CaseFile file, Instant at) {
        Map<String, Object> event = header("AcknowledgementReminderDue", file, body.authorityId(), at);
        event.put("authorityId", body.authorityId());
        event.put("authorityType", body.authorityType());
        event.put("role", body.role());
        put(event, "notifiedAt", body.notifiedAt());
        event.put("acknowledgeBy", body.acknowledgeBy().toString());
        event.put("answerBy", body.answerBy().toString());
        return write(event, "org.hotline.case.acknowledgement-reminder-due.v1", file, at);
    }

    private LadderEvent escalation(Due.EscalationDue due, CaseFile file, Instant at) {
        Assignment to = due.to();
        Map<String, Object> event = header("EscalationDue", file, due.from().authorityId(), at);
        event.put("fromAuthorityId", due.from().authorityId());
        event.put("toAuthorityId", to.authorityId());
        event.put("toAuthorityType", to.authorityType());
        event.put("rung", to.rung() == null ? 1 : to.rung() + 1);
        event.put("lastRung", due.lastRung());
        event.put("reason", due.step().reason());
        EscalationRequest request = due.from().request();
        boolean decided = Escalation.CASEWORKER_DECISION.equals(due.step().reason()) && request != null;
        if (decided) {
            // v2 says why a caseworker took the step; a step at a deadline stays v1, which every reader knows.
            event.put("schemaVersion", 2);
            event.put("decision", Map.of("reason", request.reason(), "requestedAt", request.at().toString()));
        }
        event.put("acknowledgeBy", to.acknowledgeBy().toString());
        event.put("answerBy", to.answerBy().toString());
        event.put("skippedRungs", skipped(due.step().skipped()));
        event.put("history", history(file, to.authorityId()));
        event.put("summary", summary(file));
        return write(event, decided ? "org.hotline.case.escalation-due.v2" : "org.hotline.case.escalation-due.v1",
                file, at);
    }

    private LadderEvent exhausted(Due.LadderExhausted due, CaseFile file, Instant at) {
        Map<String, Object> event = header("EscalationExhausted", file, due.from().authorityId(), at);
        event.put("authorityId", due.from().authorityId());
        event.put("skippedRungs", skipped(due.skipped()));
        event.put("history", history(file, null));
        // The dossier states the complaint's facts as well as its history.
        event.put("summary", summary(file));
        return write(event, "org.hotline.case.escalation-exhausted.v1", file, at);
    }

    private static Map<String, Object> header(String type, CaseFile file, String authorityId, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.nameUUIDFromBytes((type + "\n" + file.complaintId() + "\n" + authorityId)
                .getBytes(StandardCharsets.UTF_8)).toString());
        event.put("eventType", type);
        event.put("schemaVersion", 1);
        event.put("occurredAt", at.toString());
        event.put("complaintId", file.complaintId().toString());
        event.put("reference", String.valueOf(file.reference()));
        return event;
    }

    private static List<Map<String, String>> skipped(List<Escalation.Skipped> skipped) {
        return skipped.stream().map(rung -> Map.of("authorityId", rung.authorityId(), "reason", rung.reason()))
                .toList();
    }

    /**
     * What the rung is told of the complaint it did not receive first: when it came, what happened, where, to whom
     * and who is accused, by category. Never the complainant's words or anything that identifies anyone: the rung
     * asks the NGO for the complaint itself.
     */
    private static Map<String, Object> summary(CaseFile file) {
        Circumstances facts = file.circumstances() == null ? Circumstances.UNKNOWN : file.circumstances();
        Map<String, Object> summary = new LinkedHashMap<>();
        put(summary, "receivedAt", file.receivedAt());
        summary.put("categories", facts.categories());
        put(summary, "region", facts.region());
        put(summary, "workplaceSector", facts.sector());
        put(summary, "workplaceType", facts.workplaceType());
        put(summary, "accusedRole", facts.accusedRole());
        summary.put("accusedPublicOfficial", facts.publicOfficial());
        summary.put("victimMinor", facts.minorVictim());
        summary.put("immediateDanger", facts.dangerNow());
        return summary;
    }

    /** Who was told when, and what each did: every body of the file but {@code except} (the rung told now). */
    private static List<Map<String, Object>> history(CaseFile file, @Nullable String except) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Assignment body : file.assignments()) {
            if (body.authorityId().equals(except)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("authorityId", body.authorityId());
            entry.put("authorityType", body.authorityType());
            entry.put("role", body.role());
            put(entry, "notifiedAt", body.notifiedAt());
            entry.put("noticeFailed", body.noticeFailed());
            entry.put("acknowledgeBy", body.acknowledgeBy().toString());
            entry.put("answerBy", body.answerBy().toString());
            put(entry, "remindedAt", body.remindedAt());
            put(entry, "acknowledgedAt", body.acknowledgedAt());
            put(entry, "registrationNumber", body.registrationNumber());
            put(entry, "answeredAt", body.answeredAt());
            put(entry, "escalatedAt", body.escalatedAt());
            if (body.escalatedAt() != null) {
                Optional<Escalation> step = file.escalations().stream()
                        .filter(up -> up.fromAuthorityId().equals(body.authorityId())).findFirst();
                // Handled, and no step went up from it: its ladder ended with it (the dossier says so).
                if (step.isEmpty()) {
                    entry.put("ladderEnded", true);
                }
                // Why it was passed over: the check takes a caseworker's request before any deadline.
                entry.put("escalationReason", step.map(Escalation::reason).orElse(body.request() != null
                        ? Escalation.CASEWORKER_DECISION : Escalation.NO_ANSWER_BY_DEADLINE));
            }
            bodies.add(entry);
        }
        return bodies;
    }

    private static void put(Map<String, Object> entry, String name, @Nullable Object value) {
        if (value != null) {
            entry.put(name, value.toString());
        }
    }

    private LadderEvent write(Map<String, Object> event, String cloudEventType, CaseFile file, Instant at) {
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", (String) event.get("eventId"));
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", cloudEventType);
        header(headers, "ce_time", at.toString());
        header(headers, "ce_subject", file.complaintId().toString());
        header(headers, "content-type", "application/json");
        return new LadderEvent(file.complaintId().toString(), (String) event.get("eventType"),
                json.writeValueAsBytes(event), headers);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
