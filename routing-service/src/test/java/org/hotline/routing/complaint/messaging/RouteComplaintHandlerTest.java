package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.routing.complaint.messaging.ComplaintEvents.bytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.hotline.routing.rules.yaml.YamlRoutingEngineLoader;
import org.hotline.web.tracing.ComplaintTracing;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The routeComplaint handler on its own: a poll in, one message per record out, no broker. */
class RouteComplaintHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");

    private static final String DEAD_LETTERS = "complaints.received.v1.dlt";

    private final List<Decision> decisions = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private final List<Integer> polls = new ArrayList<>();
    /** Regions where routing throws, as a bug in the engine would. */
    private final Set<String> failingRegions = new HashSet<>();
    private int routingCalls;
    private final RoutingMetrics metrics = new RecordingMetrics();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RouteComplaintHandler handler = new RouteComplaintHandler(router(),
            DeadlineFiles.bundledClocks(ZoneId.of("Asia/Almaty")),
            new DeadLetters(DEAD_LETTERS, "routing-service", metrics, clock), metrics, 3, clock, ComplaintTracing.off());

    @Test
    void turnsAComplaintReceivedIntoAComplaintRoutedKeyedByTheComplaintIdWithCloudEventsHeaders() {
        // given
        String complaintId = UUID.randomUUID().toString();
        String received = ComplaintEvents.kostanaySchool(complaintId);

        // when
        Message<byte[]> routed = one(received);

        // then
        assertThat((byte[]) routed.getHeaders().get(KafkaHeaders.KEY))
                .isEqualTo(complaintId.getBytes(StandardCharsets.UTF_8));
        assertThat(routed.getHeaders()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "org.hotline.complaint.routed.v1")
                .containsEntry("ce_source", "urn:hotline:routing-service")
                .containsEntry("ce_subject", complaintId)
                .containsEntry("ce_time", NOW.toString())
                .containsEntry("content-type", "application/json");
        JsonNode event = JSON.readTree(routed.getPayload());
        JsonNode in = JSON.readTree(received);
        assertThat(routed.getHeaders().get("ce_id")).isEqualTo(event.get("eventId").stringValue());
        assertThat(event.get("eventType").stringValue()).isEqualTo("ComplaintRouted");
        assertThat(event.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(event.get("causationEventId")).isEqualTo(in.get("eventId"));
        assertThat(event.get("reference")).isEqualTo(in.get("reference"));
        assertThat(event.get("receivedAt")).isEqualTo(in.get("receivedAt"));
        assertThat(event.get("fallback").booleanValue()).isFalse();
        assertThat(event.get("rulesVersion").stringValue()).startsWith("kz-sample-2026.11@");
        JsonNode primary = event.get("assignments").get(0);
        assertThat(primary.get("authorityId").stringValue()).isEqualTo("kz-39-anti-corruption");
        assertThat(primary.get("role").stringValue()).isEqualTo("PRIMARY");
        assertThat(primary.get("jurisdiction").stringValue()).isEqualTo("KZ-39");
        assertThat(primary.get("level").stringValue()).isEqualTo("REGION");
        assertThat(primary.get("ruleId").stringValue()).isEqualTo("extortion-by-public-official");
        assertThat(primary.get("answerDeadlineWorkingDays").intValue()).isEqualTo(15);
        // Received on Tuesday 24 November 2026: counted from Wednesday, 3 working days to acknowledge and 15 to
        // answer (16 December, Independence Day, comes after).
        assertThat(primary.get("acknowledgeBy").stringValue()).isEqualTo("2026-11-27");
        assertThat(primary.get("answerBy").stringValue()).isEqualTo("2026-12-15");
        assertThat(primary.at("/authorityName/en").stringValue()).contains("Kostanay");
        for (String part : ComplaintReceivedReader.PARTS) {
            assertThat(event.get("complaint").get(part)).as(part).isEqualTo(in.get(part));
        }
        assertThat(event.at("/complaint/channel").stringValue()).isEqualTo("HOTLINE");
        assertThat(decisions).hasSize(1);
    }

    @Test
    void writesEachAssignmentsReasonInKazakhRussianAndEnglishBesideTheEnglishReason() {
        // given
        String received = ComplaintEvents.kostanaySchool(UUID.randomUUID().toString());

        // when
        JsonNode event = JSON.readTree(one(received).getPayload());

        // then: reason stays the English text v1 readers know; the translations are an optional addition
        JsonNode primary = event.at("/assignments/0");
        assertThat(primary.get("reason").stringValue()).startsWith("Extortion by a public official");
        assertThat(primary.at("/reasonTranslations/en")).isEqualTo(primary.get("reason"));
        assertThat(primary.at("/reasonTranslations/ru").stringValue()).startsWith("Вымогательство");
        assertThat(primary.at("/reasonTranslations/kk").stringValue()).startsWith("Лауазымды тұлғаның");
        assertThat(event.get("assignments").valueStream()).allSatisfy(assignment ->
                assertThat(assignment.get("reasonTranslations").propertyNames()).containsExactly("kk", "ru", "en"));
    }

    @Test
    void copiesTheSealedValuesByteForByte() {
        // given: a received record whose sealed objects are spaced out as no serializer would write them
        String complaintId = UUID.randomUUID().toString();
        String received = ComplaintEvents.almatyAnalyst(complaintId)
                .replace("{\"keyId\"", "{ \"keyId\"").replace("\"algorithm\":", "\"algorithm\" :  ");

        // when
        String routed = new String(one(received).getPayload(),
                StandardCharsets.UTF_8);

        // then
        String sealedDescription = received.substring(received.indexOf("\"description\":") + 14,
                received.indexOf("}", received.indexOf("\"description\":")) + 1);
        assertThat(sealedDescription).startsWith("{ \"keyId\"");
        assertThat(routed).contains(sealedDescription);
        String complainant = received.substring(received.indexOf("\"complainant\":") + 14, received.length() - 1);
        assertThat(routed).contains("\"complainant\":" + complainant);
    }

    @Test
    void writesAnEmptyWorkplaceWhenTheComplaintNamesNone() {
        // given: workplace is optional in ComplaintReceived but required in ComplaintRouted
        String received = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString())
                .replace("\"workplace\":{\"sector\":\"PRIVATE\",\"type\":\"COMPANY\"},", "");

        // when
        JsonNode event = JSON.readTree(one(received).getPayload());

        // then
        assertThat(received).doesNotContain("workplace");
        assertThat(event.at("/complaint/workplace").isObject()).isTrue();
        assertThat(event.at("/complaint/workplace").isEmpty()).isTrue();
        assertThat(event.at("/assignments/0/authorityId").stringValue()).isEqualTo("kz-75-labour-inspection");
    }

    @Test
    void routesEveryGoodRecordOfAPollAndDeadLettersEachPoisonOneWithItsReasonInThePollsOrder() {
        // given: one poll of five records, two of them poison, between good ones
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String v2 = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString())
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        Message<List<byte[]>> poll = poll(List.of(ComplaintEvents.kostanaySchool(first), "not JSON",
                ComplaintEvents.almatyAnalyst(second), v2, ComplaintEvents.almatyAnalyst(third)));

        // when
        List<Message<byte[]>> out = handler.apply(poll);

        // then: one message per record, in the order polled; poison ones addressed to the dead-letter topic
        assertThat(out).hasSize(5);
        assertThat(out).extracting(message -> message.getHeaders().get(KafkaHeaders.TOPIC))
                .containsExactly(null, DEAD_LETTERS, null, DEAD_LETTERS, null);
        assertThat(out).extracting(message -> key(message))
                .containsExactly(first, "key-1", second, "key-3", third);
        assertThat(JSON.readTree(out.get(2).getPayload()).get("complaintId").stringValue()).isEqualTo(second);
        assertThat(out.get(1).getPayload()).isEqualTo(bytes("not JSON"));
        assertThat(out.get(3).getPayload()).isEqualTo(bytes(v2));
        assertThat(out.get(1).getHeaders()).containsEntry(DeadLetters.REASON_CODE, "not_json")
                .containsEntry("x-dead-letter-original-topic", "complaints.received.v1")
                .containsEntry("x-dead-letter-original-partition", "0")
                .containsEntry("x-dead-letter-original-offset", "41")
                .containsEntry("x-dead-letter-at", NOW.toString())
                .doesNotContainKey("kafka_offset");
        assertThat((byte[]) out.get(1).getHeaders().get("ce_type")).isEqualTo(bytes("org.hotline.complaint.received.v1"));
        assertThat(out.get(3).getHeaders()).containsEntry(DeadLetters.REASON_CODE, "unsupported_schema_version")
                .containsEntry("x-dead-letter-original-offset", "43");
        assertThat(decisions).hasSize(3);
        assertThat(deadLettered).containsExactly("not_json", "unsupported_schema_version");
        assertThat(polls).containsExactly(5);
    }

    @Test
    void triesARecordWhoseRoutingThrowsThreeTimesThenDeadLettersItAsRoutingFailedAndRoutesTheOthers() {
        // given: routing the Kostanay complaint throws, as a bug in the engine would, every time
        String broken = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        failingRegions.add("KZ-39");

        // when
        List<Message<byte[]>> out = handler.apply(poll(List.of(ComplaintEvents.kostanaySchool(broken),
                ComplaintEvents.almatyAnalyst(fine))));

        // then
        assertThat(routingCalls).isEqualTo(4);
        assertThat(out.get(0).getHeaders()).containsEntry(KafkaHeaders.TOPIC, DEAD_LETTERS)
                .containsEntry(DeadLetters.REASON_CODE, "routing_failed");
        assertThat((String) out.get(0).getHeaders().get(DeadLetters.REASON))
                .isEqualTo("routing failed 3 time(s): IllegalStateException: engine bug");
        assertThat(key(out.get(0))).isEqualTo(broken);
        assertThat(out.get(1).getHeaders()).doesNotContainKey(KafkaHeaders.TOPIC);
        assertThat(key(out.get(1))).isEqualTo(fine);
        assertThat(deadLettered).containsExactly("routing_failed");
    }

    @Test
    void refusesWhatIsNotJsonAsUndecidable() {
        assertThat(undecidable("not json at all").code()).isEqualTo("not_json");
        assertThat(undecidable("[1,2]").code()).isEqualTo("not_json");
    }

    @Test
    void refusesAnotherSchemaVersionAsUndecidable() {
        String v2 = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString())
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThat(undecidable(v2).code()).isEqualTo("unsupported_schema_version");
        assertThat(undecidable(v2).detail()).isEqualTo("schemaVersion must be 1, was 2");
    }

    @Test
    void namesOnlyTheKindOfASchemaVersionThatIsNotANumberAndNeverQuotesIt() {
        String text = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString())
                .replace("\"schemaVersion\":1", "\"schemaVersion\":\"Aigul, +7 701 555 0199\"");

        Letter refused = undecidable(text);

        assertThat(refused.code()).isEqualTo("unsupported_schema_version");
        assertThat(refused.detail()).isEqualTo("schemaVersion must be 1, was a JSON string")
                .doesNotContain("Aigul");
    }

    @Test
    void refusesAnEventWithoutARequiredFieldAsUndecidable() {
        String event = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString());

        assertThat(undecidable(event.replace("\"complaintId\"", "\"complaintIdentifier\"")).detail())
                .contains("complaintId");
        assertThat(undecidable(event.replace("\"regionKnown\":true", "\"regionKnown\":\"yes\"")).code())
                .isEqualTo("invalid_field");
        assertThat(undecidable(event.replace("\"categories\":[\"SEXUAL_HARASSMENT\",\"RETALIATION\"]",
                "\"categories\":[]")).code()).isEqualTo("missing_field");
        assertThat(undecidable(event.replace("\"sealed\":{", "\"sealedX\":{")).detail())
                .contains("complainant.sealed");
        assertThat(decisions).isEmpty();
        assertThat(deadLettered).containsExactly("missing_field", "invalid_field", "missing_field", "missing_field");
    }

    /** The dead letter the handler makes of a record alone in its poll. */
    private Letter undecidable(String value) {
        Message<byte[]> letter = one(value);
        assertThat(letter.getHeaders()).containsEntry(KafkaHeaders.TOPIC, DEAD_LETTERS);
        return new Letter((String) letter.getHeaders().get(DeadLetters.REASON_CODE),
                (String) letter.getHeaders().get(DeadLetters.REASON));
    }

    private record Letter(String code, String detail) {
    }

    /** The single message the handler makes of a record alone in its poll. */
    private Message<byte[]> one(String value) {
        List<Message<byte[]>> out = handler.apply(poll(List.of(value)));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    /**
     * A poll as the Kafka binder hands it over in batch mode: the values as the payload, each record's key,
     * place and headers in lists beside them. Record i has key {@code key-i} unless it is a complaint (then
     * its id), and offset 40 + i on partition 0.
     */
    private static Message<List<byte[]>> poll(List<String> values) {
        List<byte[]> payload = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            payload.add(bytes(value));
            int id = value.indexOf("\"complaintId\":\"");
            keys.add(bytes(id < 0 || value.contains("\"schemaVersion\":2") ? "key-" + i
                    : value.substring(id + 15, value.indexOf('"', id + 15))));
            topics.add("complaints.received.v1");
            partitions.add(0);
            offsets.add(40L + i);
            headers.add(Map.of("ce_type", bytes("org.hotline.complaint.received.v1"), "kafka_offset", 40L + i));
        }
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();
    }

    private static String key(Message<byte[]> message) {
        return new String((byte[]) message.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8);
    }

    private final class RecordingMetrics implements RoutingMetrics {

        @Override
        public void decided(ComplaintFacts facts, Decision decision, Duration took) {
            routingCalls++;
            if (failingRegions.contains(facts.region())) {
                throw new IllegalStateException("engine bug");
            }
            decisions.add(decision);
        }

        @Override
        public void deadLettered(String reason) {
            deadLettered.add(reason);
        }

        @Override
        public void pollHandled(int records) {
            polls.add(records);
        }
    }

    private ComplaintRouter router() {
        try {
            CurrentRoutingEngine directory = new CurrentRoutingEngine(new SampleDirectory(), new YamlRoutingEngineLoader(),
                    new DirectoryMetrics() {
                        @Override
                        public void loaded(String rulesVersion, int authorities, int rules) {
                        }

                        @Override
                        public void reloadFailed() {
                        }
                    });
            return new ComplaintRouter(directory, metrics);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
