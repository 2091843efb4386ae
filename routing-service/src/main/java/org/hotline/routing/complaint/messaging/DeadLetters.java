package org.hotline.routing.complaint.messaging;

import java.time.Clock;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns a record routing cannot route into its dead letter: the record unchanged (key, value, its own
 * headers), addressed to the dead-letter topic through the {@code KafkaHeaders.TOPIC} header
 * ({@code use-topic-header} on {@code routeComplaint-out-0}), with the reason. The handler returns it among the
 * poll's ComplaintRouted events, so it commits in the same Kafka transaction as they and the offsets do.
 */
final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String REASON = "x-dead-letter-reason";
    static final String REASON_CODE = "x-dead-letter-reason-code";
    /** Reason code of a record whose routing threw something other than UndecidableEventException. */
    static final String ROUTING_FAILED = "routing_failed";

    private final String topic;
    private final String group;
    private final RoutingMetrics metrics;
    private final Clock clock;

    /** @param group the consumer group that gives the record up, named in the dead letter */
    DeadLetters(String topic, String group, RoutingMetrics metrics, Clock clock) {
        this.topic = topic;
        this.group = group;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The dead letter of an undecidable record. */
    Message<byte[]> undecidable(PolledRecord record, UndecidableEventException exception) {
        return deadLetter(record, exception.reason(), exception.getMessage(), exception);
    }

    /** The dead letter of a record whose routing failed at every attempt. */
    Message<byte[]> routingFailed(PolledRecord record, RuntimeException exception, int attempts) {
        return deadLetter(record, ROUTING_FAILED, "routing failed " + attempts + " time(s): "
                + exception.getClass().getSimpleName()
                + (exception.getMessage() == null ? "" : ": " + exception.getMessage()), exception);
    }

    private Message<byte[]> deadLetter(PolledRecord record, String code, String detail, Exception exception) {
        MessageBuilder<byte[]> letter = MessageBuilder.withPayload(record.value());
        record.headers().forEach((name, value) -> {
            if (isRecordHeader(name)) {
                letter.setHeader(name, value);
            }
        });
        letter.setHeader(KafkaHeaders.TOPIC, topic)
                .setHeader(KafkaHeaders.KEY, record.key())
                .setHeader(REASON, detail)
                // The same set as notification's dead letters (docs/asyncapi.yaml, "DeadLetter"), all UTF-8 text.
                .setHeader(REASON_CODE, code)
                .setHeader("x-dead-letter-original-topic", record.topic())
                .setHeader("x-dead-letter-original-partition", String.valueOf(record.partition()))
                .setHeader("x-dead-letter-original-offset", String.valueOf(record.offset()))
                .setHeader("x-dead-letter-exception", exception.getClass().getName())
                .setHeader("x-dead-letter-group", group)
                .setHeader("x-dead-letter-at", clock.instant().toString());
        metrics.deadLettered(code);
        log.warn("Dead-lettered {} to {} ({}): {}", record, topic, code, detail);
        return letter.build();
    }

    /** The record's own headers, not those the binder adds about the record (kafka_*) or the message (id). */
    private static boolean isRecordHeader(String name) {
        return !name.startsWith("kafka_") && !name.equals(MessageHeaders.ID) && !name.equals(MessageHeaders.TIMESTAMP)
                && !name.equals("spring_json_header_types");
    }
}
