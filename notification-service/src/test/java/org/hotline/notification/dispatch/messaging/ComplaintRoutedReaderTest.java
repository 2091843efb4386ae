package org.hotline.notification.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.AssignmentRole;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.sealing.domain.ComplaintErasedException;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.domain.SealedValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ComplaintRoutedReaderTest {

    private static final byte[] TEST_KEY = Base64.getDecoder().decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID COMPLAINT = UUID.fromString("0f6c1c1e-1111-4a4a-9a9a-123456789abc");

    private final FieldSealer intake = new FieldSealer("test-1", Map.of("test-1", TEST_KEY));
    /** The keys topic as this test has it: complaint id to wrapped data key; a complaint not in it was erased. */
    private final Map<UUID, SealedValue> keysTopic = new HashMap<>();
    private final ComplaintRoutedReader reader = new ComplaintRoutedReader(JSON, new SealedFields(intake,
            complaintId -> Optional.ofNullable(keysTopic.get(complaintId))
                    .map(wrapped -> List.of(new ComplaintKeys.WrappedKey(complaintId + "/kid", wrapped)))
                    .orElse(List.of())));

    @Test
    void readsTheDocumentedEventAndOpensItsSealedFields() {
        // given
        String event = event(1, seal("Он требовал деньги.", "incident.description"), seal("""
                {"name":"Айгерим","email":"a@mail.example","preferredLanguage":"kk","consentToContact":true,
                 "trackingCode":"ABCD-EFGH-JKLM-NPQR"}""", "complainant"));

        // when
        RoutedComplaint complaint = reader.read(event.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(complaint.complaintId()).isEqualTo(COMPLAINT);
        assertThat(complaint.reference()).isEqualTo("HL-7F3K-9QX2-ABCD");
        assertThat(complaint.incident().description()).isEqualTo("Он требовал деньги.");
        assertThat(complaint.incident().categories()).containsExactly("SEXUAL_HARASSMENT", "EXTORTION");
        assertThat(complaint.mode()).isEqualTo(ComplainantMode.CONFIDENTIAL);
        assertThat(complaint.complainant().email()).isEqualTo("a@mail.example");
        assertThat(complaint.complainant().preferredLanguage()).isEqualTo(Language.KK);
        assertThat(complaint.complainant().consentToContact()).isTrue();
        assertThat(complaint.complainant().acknowledgementWithheld()).isFalse();
        assertThat(complaint.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.role()).isEqualTo(AssignmentRole.PRIMARY);
            assertThat(assignment.answerDeadlineWorkingDays()).isEqualTo(15);
            assertThat(assignment.acknowledgeBy()).isNull();
            assertThat(assignment.answerBy()).isNull();
            assertThat(assignment.correspondenceLanguage()).isEqualTo(Language.RU);
            assertThat(assignment.name(Language.EN)).isEqualTo("Anti-corruption service");
            assertThat(assignment.reasonTranslations()).isEmpty();
            assertThat(assignment.reason(Language.RU))
                    .isEqualTo("Extortion by a public official is a corruption offence.");
        });
        assertThat(complaint.workplace().organizationName()).isEqualTo("Secondary school No. 1");
        assertThat(complaint.accused().publicOfficial()).isTrue();
    }

    @Test
    void opensFieldsSealedUnderTheComplaintsOwnKeyAndTakesAnErasedKeyForAnErasedComplaint() {
        // given an event whose fields intake sealed under the complaint's data key, wrapped on the keys topic
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        keysTopic.put(COMPLAINT, intake.seal(dataKey, "complaints.keys.v1/" + COMPLAINT));
        byte[] event = event(1, sealUnder(dataKey, "Он требовал деньги.", "incident.description"),
                sealUnder(dataKey, """
                {"email":"a@mail.example","preferredLanguage":"kk","consentToContact":true,
                 "trackingCode":"ABCD-EFGH-JKLM-NPQR"}""", "complainant")).getBytes(StandardCharsets.UTF_8);

        // when it is read while the key is there
        RoutedComplaint complaint = reader.read(event);

        // then its fields open
        assertThat(complaint.incident().description()).isEqualTo("Он требовал деньги.");
        assertThat(complaint.complainant().email()).isEqualTo("a@mail.example");

        // and once the key is erased, the same event is the erased complaint's, not a poison event
        keysTopic.remove(COMPLAINT);
        assertThatThrownBy(() -> reader.read(event)).isInstanceOf(ComplaintErasedException.class);
    }

    @Test
    void readsTheIntakesWordThatTheAcknowledgementIsWithheld() {
        String event = event(1, seal("d", "incident.description"), seal("""
                {"email":"a@mail.example","preferredLanguage":"ru","consentToContact":true,"trackingCode":"T",
                 "acknowledgementWithheld":true}""", "complainant"));

        RoutedComplaint complaint = reader.read(event.getBytes(StandardCharsets.UTF_8));

        assertThat(complaint.complainant().acknowledgementWithheld()).isTrue();
        assertThat(complaint.complainant().mayBeMailed(complaint.mode())).isFalse();
    }

    @Test
    void refusesAValueSealedForAnotherFieldAsAPoisonEvent() {
        // given a description sealed under the complainant's context: moved, so it must not open
        String event = event(1, seal("text", "complainant"), seal("{}", "complainant"));

        // when / then
        assertThatThrownBy(() -> reader.read(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageStartingWith("sealed incident.description does not open");
    }

    @Test
    void refusesAValueSealedWithAKeyItDoesNotHave() {
        // given
        FieldSealer stranger = new FieldSealer("test-1", Map.of("test-1", new byte[32]));
        SealedValue foreign = stranger.seal("x".getBytes(StandardCharsets.UTF_8),
                "complaints.received.v1/" + COMPLAINT + "/incident.description");
        String event = event(1, foreign, seal("{}", "complainant"));

        // when / then
        assertThatThrownBy(() -> reader.read(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("wrong key");
    }

    /**
     * The example of the published ComplaintRouted schema (docs/schemas), with its two sealed values resealed with
     * the test key, since the example's ciphertext opens with no key: a change of routing's contract that this
     * reader cannot follow fails here, in the consumer's build.
     */
    @Test
    void readsTheExampleOfThePublishedComplaintRoutedSchema() throws Exception {
        // given
        tools.jackson.databind.node.ObjectNode example = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "schemas",
                        "complaint-routed.v1.schema.json"))).get("examples").get(0);
        String id = example.get("complaintId").stringValue();
        tools.jackson.databind.node.ObjectNode complaint = (tools.jackson.databind.node.ObjectNode) example.get("complaint");
        ((tools.jackson.databind.node.ObjectNode) complaint.get("incident")).set("description", JSON.valueToTree(
                intake.seal("Директор требовал деньги.".getBytes(StandardCharsets.UTF_8),
                        "complaints.received.v1/" + id + "/incident.description")));
        ((tools.jackson.databind.node.ObjectNode) complaint.get("complainant")).set("sealed", JSON.valueToTree(
                intake.seal("{\"preferredLanguage\":\"kk\",\"consentToContact\":false,\"trackingCode\":\"ABCD-EFGH-JKLM-NPQR\"}"
                        .getBytes(StandardCharsets.UTF_8), "complaints.received.v1/" + id + "/complainant")));

        // when
        RoutedComplaint routed = reader.read(JSON.writeValueAsBytes(example));

        // then
        assertThat(routed.complaintId()).isEqualTo(UUID.fromString(id));
        assertThat(routed.reference()).isEqualTo(example.get("reference").stringValue());
        assertThat(routed.incident().description()).isEqualTo("Директор требовал деньги.");
        assertThat(routed.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.role()).isEqualTo(AssignmentRole.PRIMARY);
            assertThat(assignment.answerDeadlineWorkingDays()).isEqualTo(15);
            assertThat(assignment.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(assignment.answerBy()).isEqualTo(LocalDate.of(2026, 12, 15));
            assertThat(assignment.reasonTranslations()).containsOnlyKeys(Language.KK, Language.RU, Language.EN);
            assertThat(assignment.reason(Language.RU)).startsWith("Вымогательство со стороны должностного лица");
        });
    }

    @Test
    void skipsReasonTranslationsInALanguageItDoesNotWriteOrThatAreNotText() {
        // given: the translations are optional, so a bad one must not send the whole event to the dead letters
        String english = "\"reason\":\"Extortion by a public official is a corruption offence.\",";
        String event = event(1, seal("d", "incident.description"), seal("""
                {"preferredLanguage":"ru","consentToContact":false,"trackingCode":"T"}""", "complainant"))
                .replace(english, english + "\"reasonTranslations\":{\"ru\":\"Вымогательство — коррупция.\","
                        + "\"kk\":7,\"de\":\"Erpressung\"},");

        // when
        RoutedComplaint complaint = reader.read(event.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(event).contains("reasonTranslations");
        assertThat(complaint.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.reasonTranslations())
                    .containsExactly(Map.entry(Language.RU, "Вымогательство — коррупция."));
            assertThat(assignment.reason(Language.KK))
                    .isEqualTo("Extortion by a public official is a corruption offence.");
        });
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> reader.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> reader.read("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessage("not a JSON object");
        String version2 = event(2, seal("d", "incident.description"), seal("{}", "complainant"));
        assertThatThrownBy(() -> reader.read(version2.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageStartingWith("unsupported schemaVersion 2");
        String noLanguage = event(1, seal("d", "incident.description"), seal("""
                {"preferredLanguage":"de","consentToContact":false,"trackingCode":"T"}""", "complainant"));
        assertThatThrownBy(() -> reader.read(noLanguage.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("the complainant's preferredLanguage is not kk, ru or en");
    }

    @Test
    void givesEachRefusalTheReasonCodeItsDeadLetterCarriesAndNeverQuotesTheRecord() {
        assertThat(reasonCode("{\"name\": \"Айгуль\" oops")).isEqualTo(PoisonEventException.NOT_JSON);
        assertThatThrownBy(() -> reader.read("{\"name\": \"Айгуль\" oops".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not JSON (stopped at line 1, column").hasMessageNotContaining("Айгуль");
        assertThat(reasonCode(event(2, seal("d", "incident.description"), seal("{}", "complainant"))))
                .isEqualTo(PoisonEventException.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(reasonCode("{\"eventType\":\"ComplaintRouted\",\"schemaVersion\":1}"))
                .isEqualTo(PoisonEventException.MISSING_FIELD);
        assertThat(reasonCode("{\"eventType\":\"ComplaintRouted\",\"schemaVersion\":1,\"complaintId\":7}"))
                .isEqualTo(PoisonEventException.INVALID_FIELD);
        assertThat(reasonCode(event(1, seal("d", "incident.description"), seal("{}", "complainant"))
                .replace("\"answerDeadlineWorkingDays\":15", "\"answerDeadlineWorkingDays\":15,\"answerBy\":\"15.12.2026\"")))
                .isEqualTo(PoisonEventException.INVALID_FIELD);
        assertThat(reasonCode(event(1, seal("d", "incident.description"), seal("{}", "complainant"))
                .replace("\"answerDeadlineWorkingDays\":15", "\"answerDeadlineWorkingDays\":15,\"acknowledgeBy\":7")))
                .isEqualTo(PoisonEventException.INVALID_FIELD);
        assertThat(reasonCode(event(1, new SealedValue("k9", "A256GCM", "AAAAAAAAAAAAAAAA", "AAAA"),
                seal("{}", "complainant")))).isEqualTo(PoisonEventException.SEALED_VALUE_UNOPENABLE);
    }

    @Test
    void refusesEveryDepartureFromThePublishedSchemaAtOnceNamingFieldsNeverValues() {
        // given
        String event = event(1, seal("d", "incident.description"), seal("{}", "complainant"))
                .replace("\"occurredAt\":\"2026-11-24T05:06:41Z\",", "")
                .replace("\"role\":\"PRIMARY\"", "\"role\":\"BOSS-Айгуль\"")
                .replace("\"victim\":{\"minor\":false}", "\"victim\":{\"minor\":\"Айгуль\"}");

        // when / then
        assertThatThrownBy(() -> reader.read(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reasonCode())
                        .isEqualTo(PoisonEventException.INVALID_FIELD))
                .hasMessageContainingAll("required field occurredAt is missing",
                        "field assignments[0].role must be one of PRIMARY, COPY",
                        "field complaint.victim.minor must be true or false")
                .hasMessageNotContaining("Айгуль");
    }

    @Test
    void letsThroughAReferenceAndAContactAddressOutsideTheirDocumentedFormatAsItAlwaysHas() {
        // given: both are only quoted or addressed, made safe there; a bad address fails its message, not the event
        String event = event(1, seal("d", "incident.description"), seal("""
                {"preferredLanguage":"ru","consentToContact":false,"trackingCode":"T"}""", "complainant"))
                .replace("HL-7F3K-9QX2-ABCD", "HL-TEST-0F6C1C1E")
                .replace("kostanay.anticorruption@example.org", "a@example.org\\r\\nBcc: b@evil.example");

        // when
        RoutedComplaint complaint = reader.read(event.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(complaint.reference()).isEqualTo("HL-TEST-0F6C1C1E");
        assertThat(complaint.assignments()).singleElement()
                .satisfies(assignment -> assertThat(assignment.contactEmail()).contains("\r\nBcc:"));
    }

    private String reasonCode(String record) {
        try {
            reader.read(record.getBytes(StandardCharsets.UTF_8));
        } catch (PoisonEventException e) {
            return e.reasonCode();
        }
        throw new AssertionError("read without a refusal: " + record);
    }

    private SealedValue sealUnder(byte[] dataKey, String plaintext, String field) {
        // Sealed as intake seals under a data key: the key id names the complaint's key, not a service key.
        FieldSealer complaintKey = new FieldSealer(SealedValue.COMPLAINT_KEY,
                Map.of(SealedValue.COMPLAINT_KEY, dataKey));
        return complaintKey.seal(plaintext.getBytes(StandardCharsets.UTF_8),
                "complaints.received.v1/" + COMPLAINT + "/" + field);
    }

    private SealedValue seal(String plaintext, String field) {
        return intake.seal(plaintext.getBytes(StandardCharsets.UTF_8),
                "complaints.received.v1/" + COMPLAINT + "/" + field);
    }

    private static String event(int schemaVersion, SealedValue description, SealedValue complainant) {
        return """
                {"eventId":"8d4b1c1e-1111-4a4a-9a9a-123456789abc","eventType":"ComplaintRouted","schemaVersion":%d,
                 "occurredAt":"2026-11-24T05:06:41Z","complaintId":"%s","reference":"HL-7F3K-9QX2-ABCD",
                 "receivedAt":"2026-11-24T05:06:40.123Z","causationEventId":"8d4b1c1e-1111-4a4a-9a9a-000000000000",
                 "rulesVersion":"kz-sample-2026.11@3f2a9c1e","fallback":false,
                 "assignments":[{"authorityId":"kz-39-anti-corruption","authorityType":"ANTI_CORRUPTION",
                   "level":"REGION","jurisdiction":"KZ-39","role":"PRIMARY","ruleId":"extortion-by-public-official",
                   "reason":"Extortion by a public official is a corruption offence.",
                   "authorityName":{"kk":"Сыбайлас жемқорлыққа қарсы қызмет","ru":"Антикоррупционная служба",
                     "en":"Anti-corruption service"},
                   "contactEmail":"kostanay.anticorruption@example.org","correspondenceLanguage":"ru",
                   "acceptsAnonymous":true,"answerDeadlineWorkingDays":15}],
                 "complaint":{"channel":"HOTLINE","language":"ru",
                   "incident":{"categories":["SEXUAL_HARASSMENT","EXTORTION"],"description":%s,
                     "occurredOn":"2011-05-20","ongoing":true},
                   "location":{"country":"KZ","region":"KZ-39","regionKnown":true,"settlement":"Pertsevka"},
                   "workplace":{"sector":"PUBLIC","type":"SCHOOL","organizationName":"Secondary school No. 1"},
                   "accused":{"role":"HEAD_OF_ORGANIZATION","publicOfficial":true},
                   "victim":{"minor":false},"risk":{"immediateDanger":false},
                   "complainant":{"mode":"CONFIDENTIAL","sealed":%s}}}
                """.formatted(schemaVersion, COMPLAINT, JSON.writeValueAsString(description),
                JSON.writeValueAsString(complainant));
    }
}
