package org.hotline.notification.dispatch.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hotline.notification.dispatch.application.Outcome;
import org.hotline.notification.dispatch.application.OutcomePublisher;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outcomes with CloudEvents binary-mode headers, keyed by complaint id, and waits for the broker's
 * acknowledgement (acks=all) so that a failure is known and counted rather than lost silently.
 */
final class KafkaOutcomePublisher implements OutcomePublisher {

    static final String SOURCE = "urn:hotline:notification-service";
    static final String CLOUD_EVENT_TYPE = "org.hotline.notification.outcome.v1";

    private final KafkaTemplate<byte[], byte[]> template;
    private final JsonMapper json;
    private final String topic;
    private final Duration timeout;

    KafkaOutcomePublisher(KafkaTemplate<byte[], byte[]> template, JsonMapper json, String topic, Duration timeout) {
        this.template = template;
        this.json = json;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void publish(Outcome outcome) {
        NotificationOutcome event = NotificationOutcome.of(outcome);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                event.complaintId().toString().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(event),
                headers(event));
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("outcome " + event.eventId() + " not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing outcome " + event.eventId(), e);
        }
    }

    private static List<Header> headers(NotificationOutcome event) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.eventId().toString()),
                header("ce_source", SOURCE),
                header("ce_type", CLOUD_EVENT_TYPE),
                header("ce_time", event.occurredAt().toString()),
                header("ce_subject", event.complaintId().toString()),
                header("content-type", "application/json"));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
