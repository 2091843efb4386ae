package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.web.tracing.ComplaintTracing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * {@code routeComplaint}: one poll of {@code ComplaintReceived} records in, one message out per record, in the
 * poll's order, all in the consumer's Kafka transaction (the binder is transactional and the binding in batch
 * mode): every ComplaintRouted and dead letter of the poll commits together with the poll's offsets, or none do.
 *
 * <ul>
 *   <li>A decidable record gives its {@code ComplaintRouted}, keyed by the complaint id, to
 *       {@code routeComplaint-out-0}.</li>
 *   <li>An undecidable record ({@link UndecidableEventException}) gives its dead letter (see
 *       {@link DeadLetters}) at once; the rest of the poll is routed.</li>
 *   <li>Routing is computation over the directory in memory, so a record whose routing throws anything else
 *       would throw again: it is tried {@code attempts} times in place, then dead-lettered as
 *       {@code routing_failed}, so that it does not hold up the records polled with it.</li>
 *   <li>Anything thrown out of this function, or by the sends and the commit after it (the broker), rolls the
 *       whole poll back; the container seeks back and polls again after a back-off (see
 *       {@link DeadLetterConfiguration}).</li>
 * </ul>
 *
 * <p>Each record is routed in a span of its own that continues the trace its {@code traceparent} header carries,
 * with the complaint id (the record's key) in the logs meanwhile, and its {@code ComplaintRouted} carries that span
 * on. The binder's own observation is not used: it traces neither a batch nor the sends after the function returns.
 */
final class RouteComplaintHandler implements Function<Message<List<byte[]>>, List<Message<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(RouteComplaintHandler.class);

    static final String SOURCE = "urn:hotline:routing-service";
    static final String CLOUD_EVENT_TYPE = "org.hotline.complaint.routed.v1";

    private final ComplaintReceivedReader reader = new ComplaintReceivedReader();
    private final ComplaintRoutedWriter writer;
    private final ComplaintRouter router;
    private final DeadLetters deadLetters;
    private final RoutingMetrics metrics;
    private final int attempts;
    private final Clock clock;
    private final ComplaintTracing tracing;

    RouteComplaintHandler(ComplaintRouter router, StatutoryClocks clocks, DeadLetters deadLetters,
            RoutingMetrics metrics, int attempts, Clock clock, ComplaintTracing tracing) {
        this.router = router;
        this.writer = new ComplaintRoutedWriter(clocks);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.attempts = attempts;
        this.clock = clock;
        this.tracing = tracing;
    }

    @Override
    public List<Message<byte[]>> apply(Message<List<byte[]>> poll) {
        List<PolledRecord> records = PolledRecord.of(poll);
        List<Message<byte[]>> out = new ArrayList<>(records.size());
        for (PolledRecord record : records) {
            try (ComplaintTracing.Work work = tracing.start("route complaint", record.keyText(), record::header)) {
                out.add(handle(record));
            }
        }
        metrics.pollHandled(records.size());
        return out;
    }

    private Message<byte[]> handle(PolledRecord record) {
        ReceivedComplaint received;
        try {
            received = reader.read(record.value());
        } catch (UndecidableEventException e) {
            return deadLetters.undecidable(record, e);
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Decision decision = router.route(received.facts());
                log.info("Complaint {} routed to {} bodies (rules {})", received.complaintId(),
                        decision.assignments().size(), decision.rulesVersion());
                return routed(received, decision);
            } catch (RuntimeException e) {
                log.warn("Routing {} failed (attempt {} of {})", record, attempt, attempts, e);
                failure = e;
            }
        }
        return deadLetters.routingFailed(record, nonNull(failure), attempts);
    }

    private Message<byte[]> routed(ReceivedComplaint received, Decision decision) {
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(writer.write(received, decision, eventId, now))
                .setHeader(KafkaHeaders.KEY, received.complaintId().getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", eventId)
                .setHeader("ce_source", SOURCE)
                .setHeader("ce_type", CLOUD_EVENT_TYPE)
                .setHeader("ce_time", now.toString())
                .setHeader("ce_subject", received.complaintId())
                .setHeader("content-type", "application/json");
        tracing.currentContext().forEach(message::setHeader);
        return message.build();
    }

    private static RuntimeException nonNull(@Nullable RuntimeException failure) {
        if (failure == null) {
            throw new IllegalStateException("attempts must be at least 1");
        }
        return failure;
    }
}
