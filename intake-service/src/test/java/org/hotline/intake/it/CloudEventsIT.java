package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An integrator reads the intake's events with the CloudEvents SDK for Java and nothing of this project. */
class CloudEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker);
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void anOutsideConsumerReadsTheEventAsABinaryModeCloudEvent() {
        String complaintId = JSON.readTree(IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST).body())
                .get("complaintId").stringValue();

        CloudEvent event = readOne(complaintId);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("org.hotline.complaint.received.v1");
        assertThat(event.getSource()).isEqualTo(URI.create("urn:hotline:intake-service"));
        assertThat(event.getSubject()).isEqualTo(complaintId);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime()).isNotNull();
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("eventId").stringValue()).isEqualTo(event.getId());
        assertThat(data.get("complaintId").stringValue()).isEqualTo(complaintId);
        assertThat(event.getTime().toInstant().toString()).isEqualTo(data.get("occurredAt").stringValue());
    }

    private static CloudEvent readOne(String complaintId) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.getBrokersAsString(),
                "isolation.level", "read_committed");
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(IntakeHarness.COMPLAINTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<CloudEvent> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(complaintId)) {
                        found.add(record.value());
                    }
                }
            }
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
