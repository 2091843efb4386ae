package org.hotline.cases.acknowledgement.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hotline.cases.acknowledgement.application.AcknowledgementNotStoredException;
import org.hotline.cases.acknowledgement.application.AcknowledgementPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code AssignmentAcknowledged} on {@code cases.events.v1}, keyed by complaint id with the CloudEvents
 * headers of every topic (docs/events.md), and waits for the broker (acks=all, idempotent producer): the page says
 * "confirmed" only once the event is stored.
 */
final class KafkaAcknowledgementPublisher implements AcknowledgementPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final JsonMapper json;
    private final Duration timeout;

    KafkaAcknowledgementPublisher(KafkaTemplate<String, byte[]> kafka, String topic, JsonMapper json,
            Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public void publish(UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber) {
        AssignmentAcknowledged event = AssignmentAcknowledged.of(complaintId, authorityId, acknowledgedAt,
                registrationNumber);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, complaintId.toString(),
                json.writeValueAsBytes(event), headers(event));
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AcknowledgementNotStoredException("the broker did not confirm the acknowledgement", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcknowledgementNotStoredException("interrupted while storing the acknowledgement", e);
        }
    }

    private static List<Header> headers(AssignmentAcknowledged event) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.eventId().toString()),
                header("ce_source", AssignmentAcknowledged.SOURCE),
                header("ce_type", AssignmentAcknowledged.CLOUD_EVENT_TYPE),
                header("ce_time", event.occurredAt().toString()),
                header("ce_subject", event.complaintId().toString()),
                header("content-type", "application/json"));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
