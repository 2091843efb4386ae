package org.hotline.web.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each staff action twice: a structured log line on the {@code audit} logger first, so the trail exists
 * even with the broker down, then {@code StaffActionAudited} v1 on {@code audit.events.v1} keyed by the
 * principal (docs/events.md), waiting for the broker's acknowledgement. A send that fails is logged at ERROR and
 * counted ({@code hotline_audit_events_failed_total}); the action it records has already been answered.
 */
public final class KafkaAuditTrail implements AuditTrail, AutoCloseable {

    static final String EVENT_TYPE = "StaffActionAudited";
    static final String CLOUD_EVENT_TYPE = "org.hotline.audit.staff-action.v1";

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");
    private static final Logger log = LoggerFactory.getLogger(KafkaAuditTrail.class);

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final String service;
    private final Duration sendTimeout;
    private final Counter failures;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * A trail with a producer of its own, outside any transaction: an audit event is one record written when a
     * request is answered. acks=all and idempotence; every wait bounded by {@code sendTimeout}.
     *
     * @param clientConfig the service's Kafka client settings (brokers, SASL, TLS); a transactional id is dropped
     */
    public static KafkaAuditTrail withOwnProducer(Map<String, Object> clientConfig, String topic, String service,
            Duration sendTimeout, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int timeout = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
        return new KafkaAuditTrail(template, topic, service, sendTimeout, registry);
    }

    public KafkaAuditTrail(KafkaTemplate<String, byte[]> template, String topic, String service,
            Duration sendTimeout, MeterRegistry registry) {
        this.template = template;
        this.topic = topic;
        this.service = service;
        this.sendTimeout = sendTimeout;
        this.failures = Counter.builder("hotline.audit.events.failed")
                .description("Staff actions logged but not written to the audit topic")
                .register(registry);
    }

    @Override
    public void record(StaffAction action) {
        String eventId = UUID.randomUUID().toString();
        AUDIT.atInfo()
                .addKeyValue("eventId", eventId)
                .addKeyValue("principal", action.principal())
                .addKeyValue("action", action.action())
                .addKeyValue("outcome", action.outcome())
                .addKeyValue("httpStatus", action.httpStatus())
                .addKeyValue("occurredAt", action.occurredAt())
                .addKeyValue("reference", action.reference())
                // The case's reference last, and only when the action names one: the line stays as it was for
                // the others, which operators' log searches match.
                .log("staff action: principal={} roles={} action={} outcome={} status={} at={} eventId={}{}",
                        action.principal(), action.roles().stream().sorted().toList(), action.action(),
                        action.outcome(), action.httpStatus(), action.occurredAt(), eventId,
                        action.reference() == null ? "" : " reference=" + action.reference());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, action.principal(),
                write(action, eventId));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", CLOUD_EVENT_TYPE);
        header(record, "ce_source", "urn:hotline:" + service);
        header(record, "ce_id", eventId);
        header(record, "ce_time", action.occurredAt().toString());
        header(record, "ce_subject", action.principal());
        header(record, "content-type", "application/json");
        try {
            template.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(eventId, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed(eventId, e);
        }
    }

    /** Closes the producer when the application stops. */
    @Override
    public void close() {
        template.getProducerFactory().reset();
    }

    private void failed(String eventId, Exception e) {
        failures.increment();
        log.error("audit event {} is in the log only: it could not be written to {} ({})", eventId, topic,
                e.toString());
    }

    private byte[] write(StaffAction action, String eventId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("eventId", eventId);
            g.writeStringProperty("eventType", EVENT_TYPE);
            g.writeNumberProperty("schemaVersion", 1);
            g.writeStringProperty("occurredAt", action.occurredAt().toString());
            g.writeStringProperty("service", service);
            g.writeStringProperty("principal", action.principal());
            g.writeName("roles");
            g.writeStartArray();
            for (String role : action.roles().stream().sorted().toList()) {
                g.writeString(role);
            }
            g.writeEndArray();
            g.writeStringProperty("action", action.action());
            g.writeStringProperty("outcome", action.outcome().name());
            g.writeNumberProperty("httpStatus", action.httpStatus());
            if (action.reference() != null) {
                g.writeStringProperty("reference", action.reference());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
