package org.hotline.cases.console.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.hotline.cases.console.application.ComplainantRecords;
import org.hotline.cases.console.application.ComplainantRecordsUnavailableException;
import org.hotline.cases.console.application.NotDisclosedException;
import org.hotline.cases.console.domain.Disclosure;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.cases.sealing.domain.SealedValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a complaint's {@code ComplaintReceived} on its topic, where it is kept for ever, and opens the complainant
 * block and the statement (docs/events.md, "Sealed values"). Nothing opened is kept: the case service's store has
 * the tracking code's hash only, and the console asks again each time.
 *
 * <p>The record is on the partition its key (the complaint id) hashes to, as Kafka's default partitioner puts it, and
 * was written when intake received the complaint: the search starts {@link #BEFORE} the receipt, by the records'
 * timestamps, and stops at the partition's end or {@link #AFTER} it. Each search has a consumer of its own, without a
 * group, reading committed records only.
 */
public final class KafkaComplainantRecords implements ComplainantRecords {

    /** How far before the receipt the search starts: the clocks of intake and the broker differ a little. */
    static final Duration BEFORE = Duration.ofMinutes(10);
    /** How far after the receipt the record may be: intake answers only once Kafka has it, within seconds. */
    static final Duration AFTER = Duration.ofHours(1);
    /** The context of the sealed values names the topic they were first sealed on, whatever it is called here. */
    private static final String CONTEXT = "complaints.received.v1/";

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final SealedFields opener;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param clientConfig the service's consumer settings (brokers, SASL, TLS); the group is dropped
     * @param timeout how long one search may take before the console says to try again
     */
    public KafkaComplainantRecords(Map<String, Object> clientConfig, String topic, SealedFields opener,
            Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "case-service-console");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.clientConfig = Map.copyOf(config);
        this.topic = topic;
        this.opener = opener;
        this.timeout = timeout;
    }

    @Override
    public Optional<Disclosure> open(UUID complaintId, Instant receivedAt) {
        Optional<JsonNode> event = find(complaintId, receivedAt);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        JsonNode complainant = event.get().path("complainant");
        String mode = complainant.path("mode").asString("");
        if (!Disclosure.opens(mode)) {
            throw new NotDisclosedException(mode.isEmpty() ? "without a mode" : mode);
        }
        JsonNode identity = json.readTree(opener.open(complaintId, sealed(complainant.path("sealed")),
                CONTEXT + complaintId + "/complainant"));
        JsonNode description = event.get().path("incident").path("description");
        String statement = description.isObject() ? new String(opener.open(complaintId, sealed(description),
                CONTEXT + complaintId + "/incident.description"), StandardCharsets.UTF_8) : "";
        return Optional.of(new Disclosure(mode, text(identity, "name"), text(identity, "email"),
                text(identity, "phone"), text(identity, "preferredLanguage"),
                identity.path("consentToContact").asBoolean(false), statement));
    }

    private Optional<JsonNode> find(UUID complaintId, Instant receivedAt) {
        String key = complaintId.toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(clientConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            TopicPartition partition = new TopicPartition(topic,
                    Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions.size());
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            OffsetAndTimestamp start = consumer.offsetsForTimes(
                    Map.of(partition, receivedAt.minus(BEFORE).toEpochMilli()), timeout).get(partition);
            if (start == null) {
                return Optional.empty();
            }
            consumer.seek(partition, start.offset());
            long last = receivedAt.plus(AFTER).toEpochMilli();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new ComplainantRecordsUnavailableException("the complaint's record was not reached within "
                            + timeout, new KafkaException("search timed out"));
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.timestamp() > last) {
                        return Optional.empty();
                    }
                    Optional<JsonNode> event = key.equals(record.key()) ? received(record.value(), key)
                            : Optional.empty();
                    if (event.isPresent()) {
                        return event;
                    }
                }
            }
            return Optional.empty();
        } catch (KafkaException e) {
            throw new ComplainantRecordsUnavailableException("the complaint's record cannot be read now: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The record, if it is the complaint's {@code ComplaintReceived}; another event of its key is passed over. */
    private Optional<JsonNode> received(byte @Nullable [] value, String complaintId) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode event = json.readTree(value);
            return event != null && "ComplaintReceived".equals(event.path("eventType").asString(""))
                    && complaintId.equals(event.path("complaintId").asString("")) ? Optional.of(event)
                    : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static SealedValue sealed(JsonNode node) {
        return new SealedValue(node.path("keyId").asString(""), node.path("algorithm").asString(""),
                node.path("iv").asString(""), node.path("ciphertext").asString(""));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
