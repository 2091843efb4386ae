package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hotline.routing.RoutingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's wiring without a broker: {@code spring.cloud.function.definition} names the handler, and
 * its bindings read {@code complaints.received.v1} and write {@code complaints.routed.v1}.
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

        // when
        input.send(MessageBuilder.withPayload(ComplaintEvents.bytes(ComplaintEvents.almatyAnalyst(complaintId)))
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
