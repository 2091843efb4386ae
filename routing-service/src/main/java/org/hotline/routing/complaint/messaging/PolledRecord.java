package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One record of a poll as the binder hands it over in batch mode: the value, and the key, headers and place
 * that the batch message carries in lists beside the payloads, at the same index.
 *
 * @param headers the record's own headers as the binder's header mapper read them (values the producer did
 *     not type are the raw bytes)
 */
record PolledRecord(byte[] value, byte @Nullable [] key, Map<String, Object> headers, String topic, int partition,
        long offset) {

    /** The records of a poll, in the order polled. */
    static List<PolledRecord> of(Message<List<byte[]>> poll) {
        List<byte[]> values = poll.getPayload();
        List<?> keys = list(poll, KafkaHeaders.RECEIVED_KEY);
        List<?> topics = list(poll, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(poll, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(poll, KafkaHeaders.OFFSET);
        List<?> headers = list(poll, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<PolledRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> own = i < headers.size() && headers.get(i) instanceof Map<?, ?> map
                    ? (Map<String, Object>) map : Map.of();
            records.add(new PolledRecord(values.get(i), i < keys.size() && keys.get(i) instanceof byte[] key ? key : null,
                    own, String.valueOf(topics.get(i)), ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue()));
        }
        return records;
    }

    /** The record's key as text: the complaint id; empty when the record has none. */
    String keyText() {
        return key == null ? "" : new String(key, StandardCharsets.UTF_8);
    }

    /** The record's header of that name as text, or null when it has none. */
    @Nullable String header(String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static List<?> list(Message<?> poll, String header) {
        return poll.getHeaders().get(header) instanceof List<?> list ? list : List.of();
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
