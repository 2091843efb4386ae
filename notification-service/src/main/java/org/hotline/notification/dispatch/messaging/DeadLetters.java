package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a routed record that cannot be read to {@code complaints.routed.v1.dlt}, unchanged, with headers saying
 * why ({@code x-dead-letter-*}), and waits for the broker's acknowledgement: the record's offset is committed only
 * after that, so a failed send loses nothing (unlike the binder's own dead-letter sender, which only logs it).
 */
final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final String topic;
    private final String group;
    private final Duration timeout;
    private final Counter deadLettered;
    private final Clock clock;

    DeadLetters(KafkaTemplate<byte[], byte[]> template, String topic, String group, Duration timeout,
            Counter deadLettered, Clock clock) {
        this.template = template;
        this.topic = topic;
        this.group = group;
        this.timeout = timeout;
        this.deadLettered = deadLettered;
        this.clock = clock;
    }

    /** Returns whether the broker has the dead letter; when not, the record must be read again. */
    boolean send(ConsumerRecord<byte[], byte[]> record, PoisonEventException reason) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        // The same set as routing's dead letters (docs/asyncapi.yaml, "DeadLetter"), all UTF-8 text.
        headers.add("x-dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        headers.add("x-dead-letter-reason-code", bytes(reason.reasonCode()));
        headers.add("x-dead-letter-exception", bytes(reason.getClass().getName()));
        headers.add("x-dead-letter-original-topic", bytes(record.topic()));
        headers.add("x-dead-letter-original-partition", bytes(String.valueOf(record.partition())));
        headers.add("x-dead-letter-original-offset", bytes(String.valueOf(record.offset())));
        headers.add("x-dead-letter-group", bytes(group));
        headers.add("x-dead-letter-at", bytes(clock.instant().toString()));
        // Partition null: the producer picks it from the key, so the dead-letter topic may have fewer partitions.
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                headers);
        try {
            template.send(deadLetter).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("record {}-{}@{} could not be dead-lettered ({}); it is read again", record.topic(),
                    record.partition(), record.offset(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        deadLettered.increment();
        log.warn("record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        return true;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
