package org.hotline.notification.dispatch.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hotline.notification.dispatch.application.Outcome;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outcome as a record of {@code notifications.outcomes.v1}: keyed by complaint id, CloudEvents binary-mode
 * headers, and the {@code traceparent} of the message's send, so that the complaint's trace goes on to whoever
 * reads the outcome (the case service). The ledger writes it in the same transaction as the result it reports.
 */
final class OutcomeRecords implements Function<Outcome, @Nullable ProducerRecord<byte[], byte[]>> {

    static final String SOURCE = "urn:hotline:notification-service";
    static final String CLOUD_EVENT_TYPE = "org.hotline.notification.outcome.v1";

    private final JsonMapper json;
    private final String topic;

    OutcomeRecords(JsonMapper json, String topic) {
        this.json = json;
        this.topic = topic;
    }

    /**
     * The outcome's record, or null for a message to the complainant: that one was written, and in which
     * language, is not for a topic integrators read (it tells that the complainant left an address and agreed to
     * be contacted, and hints at who they are). Its result stays in the ledger, and a failure reaches the
     * caseworkers as an alert like any other.
     */
    @Override
    public @Nullable ProducerRecord<byte[], byte[]> apply(Outcome outcome) {
        if (outcome.recipientType() == RecipientType.COMPLAINANT) {
            return null;
        }
        NotificationConcluded event = NotificationConcluded.of(outcome);
        return new ProducerRecord<>(topic, null, event.complaintId().toString().getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(event), headers(event, outcome.trace()));
    }

    private static List<Header> headers(NotificationConcluded event, Map<String, String> trace) {
        List<Header> headers = new ArrayList<>(List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.eventId().toString()),
                header("ce_source", SOURCE),
                header("ce_type", CLOUD_EVENT_TYPE),
                header("ce_time", event.occurredAt().toString()),
                header("ce_subject", event.complaintId().toString()),
                header("content-type", "application/json")));
        trace.forEach((name, value) -> headers.add(header(name, value)));
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
