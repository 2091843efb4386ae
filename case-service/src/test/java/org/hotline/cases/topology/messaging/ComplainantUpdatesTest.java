package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComplainantUpdatesTest {

    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final byte[] CONFIDENTIAL = ("{\"mode\":\"CONFIDENTIAL\",\"sealed\":{\"keyId\":\"k\",\"algorithm\":"
            + "\"A256GCM\",\"iv\":\"aXY=\",\"ciphertext\":\"Y3Q=\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANONYMOUS = ("{\"mode\":\"ANONYMOUS\",\"sealed\":{\"keyId\":\"k\",\"algorithm\":"
            + "\"A256GCM\",\"iv\":\"aXY=\",\"ciphertext\":\"Y3Q=\"}}").getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json = JsonMapper.builder().build();
    private final ComplainantUpdates updates = new ComplainantUpdates(json);

    private static Assignment body(String id) {
        return new Assignment(id, "POLICE", Map.of("ru", "Полиция " + id, "en", "Police " + id), "PRIMARY", "ru",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 22), RECEIVED.plusSeconds(60), false, null, null,
                null);
    }

    private static final CaseFile DECIDED = CaseFile.open(ID)
            .apply(new CaseEvent.ComplaintRegistered(ID, "HL-7F3K-9QX2-ABCD", RECEIVED, "hash"))
            .apply(new CaseEvent.ComplaintDecided(ID, "HL-7F3K-9QX2-ABCD", RECEIVED, "hash",
                    List.of(body("kz-39-police")), Circumstances.UNKNOWN));

    @Test
    void aBodysFirstAcknowledgementIsNewsWithTheSealedBlockCopiedUnopened() {
        CaseEvent acknowledged = new CaseEvent.BodyAcknowledged(ID, "kz-39-police", NOW, "ЖТ-2026/01234");
        CaseFile after = DECIDED.apply(acknowledged);

        JsonNode event = json.readTree(updates.after(DECIDED, after, acknowledged, CONFIDENTIAL, NOW).orElseThrow()
                .value());

        assertThat(event.get("eventType").asString()).isEqualTo("ComplainantUpdateDue");
        assertThat(event.get("update").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(event.get("authorityId").asString()).isEqualTo("kz-39-police");
        assertThat(event.get("role").asString()).isEqualTo("PRIMARY");
        assertThat(event.get("registrationNumber").asString()).isEqualTo("ЖТ-2026/01234");
        assertThat(event.get("authorityName").get("ru").asString()).isEqualTo("Полиция kz-39-police");
        assertThat(event.get("complainant")).isEqualTo(json.readTree(CONFIDENTIAL));
    }

    @Test
    void aSecondAcknowledgementOfTheSameBodyIsNoNews() {
        CaseFile acknowledged = DECIDED.apply(new CaseEvent.BodyAcknowledged(ID, "kz-39-police", NOW, "1"));
        CaseEvent again = new CaseEvent.BodyAcknowledged(ID, "kz-39-police", NOW.plusSeconds(60), "2");

        assertThat(updates.after(acknowledged, acknowledged.apply(again), again, CONFIDENTIAL, NOW)).isEmpty();
    }

    @Test
    void anAnswerIsNewsWithItsOutcome() {
        CaseEvent answered = new CaseEvent.BodyAnswered(ID, "kz-39-police", NOW, new Answer(AnswerOutcome.FORWARDED,
                "Прокуратура Костанайской области", null, null, null, Answer.BY_BODY));

        JsonNode event = json.readTree(updates.after(DECIDED, DECIDED.apply(answered), answered, CONFIDENTIAL, NOW)
                .orElseThrow().value());

        assertThat(event.get("update").asString()).isEqualTo("ANSWERED");
        assertThat(event.get("outcome").asString()).isEqualTo("FORWARDED");
        assertThat(event.get("forwardedTo").asString()).isEqualTo("Прокуратура Костанайской области");
    }

    @Test
    void anEscalationNamesTheSilentBodyAndTheRung() {
        Assignment rung = body("kz-39-prosecutor");

        JsonNode event = json.readTree(updates.escalated(DECIDED, body("kz-39-police"), rung,
                Escalation.NO_ANSWER_BY_DEADLINE, CONFIDENTIAL, NOW).orElseThrow().value());

        assertThat(event.get("update").asString()).isEqualTo("ESCALATED");
        assertThat(event.get("authorityId").asString()).isEqualTo("kz-39-police");
        assertThat(event.get("toAuthorityId").asString()).isEqualTo("kz-39-prosecutor");
        assertThat(event.get("toAnswerBy").asString()).isEqualTo("2026-12-22");
        assertThat(event.get("escalationReason").asString()).isEqualTo("NO_ANSWER_BY_DEADLINE");
    }

    @Test
    void anEscalationACaseworkerAskedForSaysSoButNotTheirNote() {
        // given a request to escalate past the police, with a note for the prosecutor
        Assignment police = body("kz-39-police").requested(new EscalationRequest("The head teacher's cousin runs "
                + "the district police.", "dev-staff", NOW));

        // when the step is taken
        String event = new String(updates.escalated(DECIDED, police, body("kz-39-prosecutor"),
                Escalation.CASEWORKER_DECISION, CONFIDENTIAL, NOW).orElseThrow().value(), StandardCharsets.UTF_8);

        // then the complainant's news says a caseworker decided, and carries nothing of the note
        assertThat(json.readTree(event).get("escalationReason").asString()).isEqualTo("CASEWORKER_DECISION");
        assertThat(event).doesNotContain("cousin");
    }

    @Test
    void nobodyIsToldOfAnAnonymousComplaintOrOneWhoseBlockWasNeverSeen() {
        CaseEvent acknowledged = new CaseEvent.BodyAcknowledged(ID, "kz-39-police", NOW, "1");
        CaseFile after = DECIDED.apply(acknowledged);

        assertThat(updates.after(DECIDED, after, acknowledged, ANONYMOUS, NOW)).isEmpty();
        assertThat(updates.after(DECIDED, after, acknowledged, null, NOW)).isEmpty();
    }

    @Test
    void theSameNewsHasTheSameEventIdWhereverItIsComputed() {
        CaseEvent acknowledged = new CaseEvent.BodyAcknowledged(ID, "kz-39-police", NOW, "1");
        CaseFile after = DECIDED.apply(acknowledged);

        String first = json.readTree(updates.after(DECIDED, after, acknowledged, CONFIDENTIAL, NOW).orElseThrow()
                .value()).get("eventId").asString();
        String later = json.readTree(updates.after(DECIDED, after, acknowledged, CONFIDENTIAL, NOW.plusSeconds(5))
                .orElseThrow().value()).get("eventId").asString();

        assertThat(later).isEqualTo(first);
    }
}
