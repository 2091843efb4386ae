package org.hotline.intake.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hotline.intake.complaint.application.AcceptedComplaint;
import org.hotline.intake.complaint.application.ComplaintPublisher;
import org.hotline.intake.complaint.domain.Category;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.sealing.domain.FieldSealer;
import org.hotline.web.tracing.ComplaintTracing;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a complaint's data key, its event and its idempotency record in one Kafka transaction and returns once
 * it has committed: no complaint is visible without the key that opens its sealed fields, nor a key without its
 * complaint. The records are built on the request's thread; the transaction is shared with the other requests
 * waiting at the same moment ({@link GroupCommit}, {@link KafkaBatchTransaction}). The event carries the request's
 * trace ({@code traceparent}), taken here on the request's thread: the committer thread that sends it has none.
 */
class KafkaComplaintPublisher implements ComplaintPublisher {

    static final String SOURCE = "urn:hotline:intake-service";
    static final String CLOUD_EVENT_TYPE = "org.hotline.complaint.received.v1";

    private final GroupCommit<List<ProducerRecord<String, byte[]>>> groupCommit;
    private final FieldSealer sealer;
    private final JsonMapper json;
    private final String complaintsTopic;
    private final String idempotencyTopic;
    private final String keysTopic;
    private final ComplaintTracing tracing;
    private final SecureRandom random = new SecureRandom();

    KafkaComplaintPublisher(GroupCommit<List<ProducerRecord<String, byte[]>>> groupCommit, FieldSealer sealer,
            JsonMapper json, String complaintsTopic, String idempotencyTopic, String keysTopic,
            ComplaintTracing tracing) {
        this.groupCommit = groupCommit;
        this.sealer = sealer;
        this.json = json;
        this.complaintsTopic = complaintsTopic;
        this.idempotencyTopic = idempotencyTopic;
        this.keysTopic = keysTopic;
        this.tracing = tracing;
    }

    @Override
    public void publish(AcceptedComplaint accepted) {
        UUID id = accepted.complaintId();
        String key = id.toString();
        byte[] dataKey = sealer.newDataKey();
        ComplaintReceived event;
        ProducerRecord<String, byte[]> keyRecord;
        try {
            event = toEvent(accepted, dataKey);
            keyRecord = new ProducerRecord<>(keysTopic, null, accepted.receivedAt().toEpochMilli(),
                    ComplaintKeyRecord.recordKey(id, randomKid()), json.writeValueAsBytes(new ComplaintKeyRecord(
                            ComplaintKeyRecord.SCHEMA_VERSION, id, accepted.receivedAt(),
                            sealer.wrap(dataKey, ComplaintKeyRecord.wrappingContext(id)))));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        ProducerRecord<String, byte[]> eventRecord = new ProducerRecord<>(complaintsTopic, null,
                accepted.receivedAt().toEpochMilli(), key, json.writeValueAsBytes(event), headers(event));
        if (accepted.fingerprint() == null) {
            groupCommit.commit(List.of(keyRecord, eventRecord));
            return;
        }
        UUID keyId = accepted.idempotencyKeyId() == null ? id : accepted.idempotencyKeyId();
        groupCommit.commit(List.of(keyRecord, eventRecord, new ProducerRecord<>(idempotencyTopic, keyId.toString(),
                json.writeValueAsBytes(new IdempotencyRecord(id, accepted.fingerprint(), accepted.receivedAt())))));
    }

    /**
     * The key record's own part of its record key: a complaint published twice (a retry after a lost
     * acknowledgement) gets a second data key under a second record, so that compaction keeps both and each event
     * opens with its own.
     */
    private String randomKid() {
        byte[] kid = new byte[9];
        random.nextBytes(kid);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(kid);
    }

    /** The event, its complainant and statement sealed under the complaint's own {@code dataKey}. */
    private ComplaintReceived toEvent(AcceptedComplaint accepted, byte[] dataKey) {
        Complaint complaint = accepted.complaint();
        UUID id = accepted.complaintId();
        Complaint.Complainant who = complaint.complainant();
        ComplaintReceived.SealedComplainant identity = new ComplaintReceived.SealedComplainant(who.name(),
                who.email(), who.phone(), who.preferredLanguage().code(), who.consentToContact(),
                accepted.trackingCode(), accepted.acknowledgementWithheld());
        Complaint.Incident incident = complaint.incident();
        Complaint.Location location = complaint.location();
        Complaint.Workplace workplace = complaint.workplace();
        return new ComplaintReceived(UUID.randomUUID(), ComplaintReceived.EVENT_TYPE,
                ComplaintReceived.SCHEMA_VERSION, accepted.receivedAt(), id, accepted.reference(),
                accepted.receivedAt(), complaint.channel().name(), complaint.language().code(),
                new ComplaintReceived.Incident(incident.categories().stream().map(Category::name).toList(),
                        sealer.seal(dataKey, incident.description().getBytes(StandardCharsets.UTF_8),
                                ComplaintReceived.sealingContext(id, "incident.description")),
                        incident.occurredOn(), incident.ongoing()),
                new ComplaintReceived.Location(location.country(), location.region(), location.regionAsSubmitted(),
                        location.regionKnown(), location.districtCode(), location.settlement()),
                new ComplaintReceived.Workplace(name(workplace.sector()), name(workplace.type()),
                        workplace.organizationName()),
                new ComplaintReceived.Accused(name(complaint.accused().role()), complaint.accused().publicOfficial()),
                new ComplaintReceived.Victim(complaint.victimIsMinor()),
                new ComplaintReceived.Risk(complaint.immediateDanger()),
                new ComplaintReceived.Complainant(who.mode().name(), sealer.seal(dataKey,
                        json.writeValueAsBytes(identity), ComplaintReceived.sealingContext(id, "complainant"))));
    }

    /**
     * CloudEvents 1.0 attributes in Kafka binary mode (the payload is the data, the attributes are headers), and the
     * request's trace context.
     */
    private List<Header> headers(ComplaintReceived event) {
        List<Header> headers = new ArrayList<>(9);
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", event.eventId().toString()));
        headers.add(header("ce_source", SOURCE));
        headers.add(header("ce_type", CLOUD_EVENT_TYPE));
        headers.add(header("ce_time", event.occurredAt().toString()));
        headers.add(header("ce_subject", event.complaintId().toString()));
        headers.add(header("content-type", "application/json"));
        tracing.currentContext().forEach((name, value) -> headers.add(header(name, value)));
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
