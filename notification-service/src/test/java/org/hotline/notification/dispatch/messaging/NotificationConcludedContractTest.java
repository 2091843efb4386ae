package org.hotline.notification.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hotline.notification.dispatch.application.Outcome;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outcome this service writes matches the published JSON schema in docs/schemas (when the docs are there). */
class NotificationConcludedContractTest {

    private static final Path SCHEMA = Path.of("../docs/schemas/notification-outcome.v1.schema.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyOutcomeThisServiceWritesHasTheSchemasFieldsAndValues() throws Exception {
        // given
        assumeTrue(Files.exists(SCHEMA), "docs/schemas not present next to the module");
        JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
        JsonNode properties = schema.get("properties");
        Outcome sent = new Outcome(UUID.randomUUID(), "id@notification.test", true, RecipientType.AUTHORITY,
                "kz-39-anti-corruption", MessagePlanner.AUTHORITY_NOTICE, Language.KK, 1, null, Instant.now(),
                Map.of());
        Outcome failed = new Outcome(UUID.randomUUID(), "id@notification.test", false, RecipientType.CASEWORKER,
                null, MessagePlanner.CASEWORKER_ALERT, Language.RU, 3, FailureClass.RETRIES_EXHAUSTED, Instant.now(),
                Map.of());

        // when
        List<JsonNode> written = List.of(JSON.readTree(JSON.writeValueAsString(NotificationConcluded.of(sent))),
                JSON.readTree(JSON.writeValueAsString(NotificationConcluded.of(failed))));

        // then
        for (JsonNode outcome : written) {
            for (JsonNode required : schema.get("required")) {
                assertThat(outcome.has(required.stringValue())).as(required.stringValue()).isTrue();
            }
            outcome.properties().forEach(field -> {
                assertThat(properties.has(field.getKey())).as("unknown field " + field.getKey()).isTrue();
                JsonNode allowed = properties.get(field.getKey()).get("enum");
                if (allowed != null) {
                    assertThat(values(allowed)).as(field.getKey()).contains(field.getValue().asString());
                }
            });
        }
        assertThat(values(properties.get("template").get("enum"))).containsExactlyInAnyOrder(
                MessagePlanner.AUTHORITY_NOTICE, MessagePlanner.COMPLAINANT_ACKNOWLEDGEMENT,
                MessagePlanner.CASEWORKER_DECISION, MessagePlanner.CASEWORKER_ALERT, LadderPlanner.AUTHORITY_REMINDER,
                LadderPlanner.AUTHORITY_ESCALATION, LadderPlanner.CASEWORKER_ESCALATION,
                LadderPlanner.CASEWORKER_DOSSIER, LadderPlanner.COMPLAINANT_UPDATE)
                .containsExactlyInAnyOrderElementsOf(templateFolders());
        assertThat(values(properties.get("failureClass").get("enum"))).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FailureClass.values()).filter(FailureClass::permanent).map(Enum::name).toList());
    }

    /** Every template this service can send: one folder each under its mail templates. */
    private static List<String> templateFolders() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("src/main/resources/mail-templates"))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).toList();
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
