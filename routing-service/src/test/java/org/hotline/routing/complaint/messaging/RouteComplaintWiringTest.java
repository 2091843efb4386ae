package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hotline.routing.RoutingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's wiring without a broker: {@code spring.cloud.function.definition} names the handler, its
 * input binding reads {@code complaints.received.v1} in batch mode, and each message the handler returns for a
 * poll is sent on its own to {@code complaints.routed.v1}.
 */
@SpringBootTest(classes = RoutingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.cloud.stream.default-binder=integration",
    "hotline.routing.dead-letters.create-topic=false",
    "hotline.routing.directory.check-interval=0s"})
@Import(TestChannelBinderConfiguration.class)
class RouteComplaintWiringTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private InputDestination input;

    @Autowired
    private OutputDestination output;

    @Test
    void routesWhatArrivesOnTheReceivedTopicToTheRoutedTopic() {
        // given
        String complaintId = UUID.randomUUID().toString();

        // when: a poll of one record, as the Kafka binder hands it over in batch mode
        input.send(MessageBuilder.withPayload(List.of(ComplaintEvents.bytes(ComplaintEvents.almatyAnalyst(complaintId))))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of(complaintId.getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("complaints.received.v1"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0))
                .setHeader(KafkaHeaders.OFFSET, List.of(0L))
                .build(), "complaints.received.v1");

        // then
        Message<byte[]> routed = output.receive(10_000, "complaints.routed.v1");
        assertThat(routed).isNotNull();
        JsonNode event = JSON.readTree(routed.getPayload());
        assertThat(event.get("complaintId").stringValue()).isEqualTo(complaintId);
        assertThat(event.at("/assignments/0/authorityId").stringValue()).isEqualTo("kz-75-labour-inspection");
        assertThat(routed.getHeaders()).containsEntry("ce_type", "org.hotline.complaint.routed.v1");
        assertThat(new String((byte[]) routed.getHeaders().get("kafka_messageKey"), StandardCharsets.UTF_8))
                .isEqualTo(complaintId);
    }
}
