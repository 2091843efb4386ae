package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.routing.complaint.messaging.ComplaintEvents.bytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.directory.application.CurrentDirectory;
import org.hotline.routing.directory.application.DirectoryLoader;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.directory.application.SampleDirectory;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The routeComplaint handler on its own: message in, message out, no broker. */
class RouteComplaintHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");

    private final List<Decision> decisions = new ArrayList<>();
    private final RouteComplaintHandler handler = new RouteComplaintHandler(router(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void turnsAComplaintReceivedIntoAComplaintRoutedKeyedByTheComplaintIdWithCloudEventsHeaders() {
        // given
        String complaintId = UUID.randomUUID().toString();
        String received = ComplaintEvents.kostanaySchool(complaintId);

        // when
        Message<byte[]> routed = handler.apply(MessageBuilder.withPayload(bytes(received)).build());

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
        JsonNode event = JSON.readTree(handler.apply(MessageBuilder.withPayload(bytes(received)).build()).getPayload());

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
        String routed = new String(handler.apply(MessageBuilder.withPayload(bytes(received)).build()).getPayload(),
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
        JsonNode event = JSON.readTree(handler.apply(MessageBuilder.withPayload(bytes(received)).build()).getPayload());

        // then
        assertThat(received).doesNotContain("workplace");
        assertThat(event.at("/complaint/workplace").isObject()).isTrue();
        assertThat(event.at("/complaint/workplace").isEmpty()).isTrue();
        assertThat(event.at("/assignments/0/authorityId").stringValue()).isEqualTo("kz-75-labour-inspection");
    }

    @Test
    void refusesWhatIsNotJsonAsUndecidable() {
        assertThat(undecidable("not json at all").reason()).isEqualTo("not_json");
        assertThat(undecidable("[1,2]").reason()).isEqualTo("not_json");
    }

    @Test
    void refusesAnotherSchemaVersionAsUndecidable() {
        String v2 = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString())
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThat(undecidable(v2).reason()).isEqualTo("unsupported_schema_version");
    }

    @Test
    void refusesAnEventWithoutARequiredFieldAsUndecidable() {
        String event = ComplaintEvents.almatyAnalyst(UUID.randomUUID().toString());

        assertThat(undecidable(event.replace("\"complaintId\"", "\"complaintIdentifier\"")).getMessage())
                .contains("complaintId");
        assertThat(undecidable(event.replace("\"regionKnown\":true", "\"regionKnown\":\"yes\"")).reason())
                .isEqualTo("invalid_field");
        assertThat(undecidable(event.replace("\"categories\":[\"SEXUAL_HARASSMENT\",\"RETALIATION\"]",
                "\"categories\":[]")).reason()).isEqualTo("missing_field");
        assertThat(undecidable(event.replace("\"sealed\":{", "\"sealedX\":{")).getMessage())
                .contains("complainant.sealed");
        assertThat(decisions).isEmpty();
    }

    private UndecidableEventException undecidable(String value) {
        return catchThrowableOfType(UndecidableEventException.class,
                () -> handler.apply(MessageBuilder.withPayload(bytes(value)).build()));
    }

    private ComplaintRouter router() {
        try {
            CurrentDirectory directory = new CurrentDirectory(new SampleDirectory(), new DirectoryLoader(),
                    new DirectoryMetrics() {
                        @Override
                        public void loaded(String rulesVersion, int authorities, int rules) {
                        }

                        @Override
                        public void reloadFailed() {
                        }
                    });
            return new ComplaintRouter(directory, new RoutingMetrics() {
                @Override
                public void decided(ComplaintFacts facts, Decision decision, Duration took) {
                    decisions.add(decision);
                }

                @Override
                public void deadLettered(String reason) {
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
