package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.rules.domain.Decision;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * {@code routeComplaint}: one {@code ComplaintReceived} in, one {@code ComplaintRouted} out, in the consumer's
 * Kafka transaction (the binder is transactional), so the routed event and the consumed offset commit together.
 * An undecidable record throws {@link UndecidableEventException}; the container sends it to the dead-letter
 * topic (see {@link DeadLetterConfiguration}).
 */
final class RouteComplaintHandler implements Function<Message<byte[]>, Message<byte[]>> {

    static final String SOURCE = "urn:hotline:routing-service";
    static final String CLOUD_EVENT_TYPE = "org.hotline.complaint.routed.v1";

    private final ComplaintReceivedReader reader = new ComplaintReceivedReader();
    private final ComplaintRoutedWriter writer = new ComplaintRoutedWriter();
    private final ComplaintRouter router;
    private final Clock clock;

    RouteComplaintHandler(ComplaintRouter router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> message) {
        ReceivedComplaint received = reader.read(message.getPayload());
        Decision decision = router.route(received.facts());
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return MessageBuilder.withPayload(writer.write(received, decision, eventId, now))
                .setHeader(KafkaHeaders.KEY, received.complaintId().getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", eventId)
                .setHeader("ce_source", SOURCE)
                .setHeader("ce_type", CLOUD_EVENT_TYPE)
                .setHeader("ce_time", now.toString())
                .setHeader("ce_subject", received.complaintId())
                .setHeader("content-type", "application/json")
                .build();
    }
}
