package org.hotline.cases.acknowledgement.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.web.tracing.ComplaintTracing;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code AssignmentAcknowledged}, {@code AssignmentAnswered}, {@code EscalationHeld} and
 * {@code CaseClosed} on {@code cases.events.v1}, keyed by complaint id with the CloudEvents headers of every topic
 * (docs/events.md), and waits for the broker (acks=all, idempotent producer): the page says "confirmed", and the
 * caseworker gets 202, only once the event is stored. Each carries the {@code traceparent} of the HTTP request it
 * answers, so that the case file's update and the letters it calls for are in the request's trace.
 */
final class KafkaAcknowledgementPublisher implements AcknowledgementPublisher {

    static final String SOURCE = "urn:hotline:case-service";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final JsonMapper json;
    private final Duration timeout;
    private final Clock clock;
    private final ComplaintTracing tracing;

    KafkaAcknowledgementPublisher(KafkaTemplate<String, byte[]> kafka, String topic, JsonMapper json,
            Duration timeout, Clock clock, ComplaintTracing tracing) {
        this.kafka = kafka;
        this.topic = topic;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
        this.tracing = tracing;
    }

    @Override
    public UUID acknowledged(UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber,
            RecordedBy by) {
        AssignmentAcknowledged event = AssignmentAcknowledged.of(complaintId, authorityId, acknowledgedAt,
                registrationNumber, by, clock.instant());
        send(complaintId, event.eventId(), AssignmentAcknowledged.CLOUD_EVENT_TYPE, event.occurredAt(),
                json.writeValueAsBytes(event));
        return event.eventId();
    }

    @Override
    public UUID answered(UUID complaintId, String authorityId, Instant answeredAt, Answer answer, RecordedBy by) {
        AssignmentAnswered event = AssignmentAnswered.of(complaintId, authorityId, answeredAt, answer, by,
                clock.instant());
        send(complaintId, event.eventId(), AssignmentAnswered.CLOUD_EVENT_TYPE, event.occurredAt(),
                json.writeValueAsBytes(event));
        return event.eventId();
    }

    @Override
    public UUID closed(UUID complaintId, String reference, Instant closedAt, ClosureReason reason, RecordedBy by) {
        CaseClosed event = CaseClosed.of(complaintId, reference, closedAt, reason, by, clock.instant());
        send(complaintId, event.eventId(), CaseClosed.CLOUD_EVENT_TYPE, event.occurredAt(),
                json.writeValueAsBytes(event));
        return event.eventId();
    }

    @Override
    public UUID held(UUID complaintId, String reference, String authorityId, @Nullable LocalDate heldUntil,
            String reason, RecordedBy by) {
        EscalationHeld event = EscalationHeld.of(complaintId, reference, authorityId, heldUntil, reason, by,
                clock.instant());
        send(complaintId, event.eventId(), EscalationHeld.CLOUD_EVENT_TYPE, event.occurredAt(),
                json.writeValueAsBytes(event));
        return event.eventId();
    }

    @Override
    public UUID escalationRequested(UUID complaintId, String reference, String authorityId, String reason,
            RecordedBy by) {
        EscalationRequested event = EscalationRequested.of(complaintId, reference, authorityId, reason, by,
                clock.instant());
        send(complaintId, event.eventId(), EscalationRequested.CLOUD_EVENT_TYPE, event.occurredAt(),
                json.writeValueAsBytes(event));
        return event.eventId();
    }

    private void send(UUID complaintId, UUID eventId, String type, Instant occurredAt, byte[] value) {
        List<Header> headers = new ArrayList<>(List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", eventId.toString()),
                header("ce_source", SOURCE),
                header("ce_type", type),
                header("ce_time", occurredAt.toString()),
                header("ce_subject", complaintId.toString()),
                header("content-type", "application/json")));
        tracing.currentContext().forEach((name, field) -> headers.add(header(name, field)));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, complaintId.toString(), value,
                headers);
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AcknowledgementNotStoredException("the broker did not confirm " + type, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcknowledgementNotStoredException("interrupted while storing " + type, e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
