package org.hotline.cases.erasure.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hotline.cases.erasure.application.ErasureNotStoredException;
import org.hotline.cases.erasure.application.KeyEraser;

/**
 * Writes the tombstones of a complaint's keys on {@code complaints.keys.v1}: one per record of its keys (usually one,
 * {@code <complaintId>/<kid>}), with no value and the header {@code erasure-cause} saying why ({@code request} or
 * {@code retention}). Compaction then removes the keys from the topic; every store that follows it drops them as it
 * reads the tombstones.
 */
public final class KafkaKeyEraser implements KeyEraser, AutoCloseable {

    static final String CAUSE_HEADER = "erasure-cause";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;

    /** @param producer acks=all and idempotent, so that a confirmed erasure is on every in-sync replica */
    public KafkaKeyEraser(Producer<String, byte[]> producer, String topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void erase(UUID complaintId, List<String> recordKeys, String cause) {
        List<Header> headers = List.of(new RecordHeader(CAUSE_HEADER, cause.getBytes(StandardCharsets.UTF_8)));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (String recordKey : recordKeys) {
                sent.add(producer.send(new ProducerRecord<>(topic, null, recordKey, null, headers)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> tombstone : sent) {
                tombstone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErasureNotStoredException("interrupted before the broker confirmed the erasure", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ErasureNotStoredException("the broker did not confirm the erasure of complaint " + complaintId
                    + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
