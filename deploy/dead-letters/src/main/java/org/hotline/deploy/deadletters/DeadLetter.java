package org.hotline.deploy.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * One record read from a dead-letter topic: the original record unchanged (key, value, its own headers) plus the
 * {@code x-dead-letter-*} headers the service added when it set the record aside (docs/operations.md).
 */
record DeadLetter(String topic, int partition, long offset, long timestamp, byte @Nullable [] key,
        byte @Nullable [] value, List<Header> headers) {

    static final String PREFIX = "x-dead-letter-";
    static final String REASON = PREFIX + "reason";
    static final String REASON_CODE = PREFIX + "reason-code";
    static final String EXCEPTION = PREFIX + "exception";
    static final String ORIGINAL_TOPIC = PREFIX + "original-topic";
    static final String ORIGINAL_PARTITION = PREFIX + "original-partition";
    static final String ORIGINAL_OFFSET = PREFIX + "original-offset";
    static final String GROUP = PREFIX + "group";
    static final String AT = PREFIX + "at";
    /** Added by {@code replay}: which dead letter a re-published record came from. */
    static final String REPLAYED_FROM = "x-replayed-from";

    DeadLetter {
        headers = List.copyOf(headers);
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    /** The last value of a header as UTF-8 text, as the services write them; null when the header is absent. */
    @Nullable String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The headers the record had before it was dead-lettered. An earlier replay's {@code x-replayed-from} goes
     * too: a record replayed, failed again and replayed again names only the dead letter it came from last.
     */
    List<Header> originalHeaders() {
        return headers.stream()
                .filter(header -> !header.key().startsWith(PREFIX) && !header.key().equals(REPLAYED_FROM))
                .toList();
    }

    /** Where this dead letter sits, as {@code replay --offsets} and {@code x-replayed-from} name it. */
    String position() {
        return topic + "/" + partition + "/" + offset;
    }

    int valueSize() {
        return value == null ? 0 : value.length;
    }

    /** The key as text; keys are complaint ids. Control characters are shown as '?' so a line stays one line. */
    String printableKey() {
        return key == null ? "-" : printable(new String(key, StandardCharsets.UTF_8));
    }

    static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
