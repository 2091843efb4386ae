package org.hotline.cases.escalation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.hotline.cases.escalation.application.BundledLadder;
import org.hotline.cases.escalation.domain.SilenceCheck;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;
import org.hotline.deadlines.domain.Clock;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LadderEventsTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final SilenceCheck CHECK = new SilenceCheck(BundledLadder.kazakhstan(),
            new StatutoryClocks(DeadlineFiles.bundledCalendar(), ALMATY, new Clock(3, 15), Map.of(), Map.of()),
            body -> "ru");

    private final JsonMapper json = JsonMapper.builder().build();
    private final LadderEvents events = new LadderEvents(json);

    private static Instant noonOn(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ALMATY).toInstant();
    }

    private static CaseFile policeCase() {
        return CaseFile.open(ID).apply(new ComplaintDecided(ID, "HL-7F3K-9QX2-ABCD", RECEIVED, "hash", List.of(
                new Assignment("kz-39-police", "POLICE", Map.of("en", "Police"), "PRIMARY", "ru",
                        LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 22), null, false, null, null, null)),
                Circumstances.UNKNOWN)).apply(new BodyNotified(ID, "kz-39-police", RECEIVED.plusSeconds(60), true));
    }

    private JsonNode escalation(CaseFile file, Instant at) {
        SilenceCheck.Checked checked = CHECK.check(file, at);
        Due due = checked.dues().stream().filter(Due.EscalationDue.class::isInstance).findFirst().orElseThrow();
        LadderEvents.LadderEvent event = events.of(due, checked.file(), at);
        assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .startsWith("org.hotline.case.escalation-due.v");
        return json.readTree(event.value());
    }

    @Test
    void aStepAtTheDeadlineIsStillVersionOneForItsReaders() {
        // when the police stay silent past 22 December
        JsonNode event = escalation(policeCase(), noonOn(LocalDate.of(2026, 12, 23)));

        // then
        EventSchemas.assertConforms("escalation-due.v1.schema.json", event);
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("reason").asString()).isEqualTo("NO_ANSWER_BY_DEADLINE");
        assertThat(event.has("decision")).isFalse();
        assertThat(event.get("history").get(0).get("escalationReason").asString()).isEqualTo("NO_ANSWER_BY_DEADLINE");
    }

    @Test
    void aCaseworkersDecisionIsVersionTwoWithTheirReasonAndWhenTheyAsked() {
        // given a caseworker asked on 7 December, before the police's deadline
        Instant askedAt = noonOn(LocalDate.of(2026, 12, 7));
        CaseFile asked = policeCase().apply(new CaseEvent.EscalationRequested(ID, "kz-39-police",
                new EscalationRequest("The police refused to register it.", "dev-staff", askedAt)));

        // when the check takes the step
        JsonNode event = escalation(asked, askedAt.plusSeconds(120));

        // then
        EventSchemas.assertConforms("escalation-due.v2.schema.json", event);
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(event.get("reason").asString()).isEqualTo("CASEWORKER_DECISION");
        assertThat(event.get("decision").get("reason").asString()).isEqualTo("The police refused to register it.");
        assertThat(event.get("decision").get("requestedAt").asString()).isEqualTo(askedAt.toString());
        assertThat(event.toString()).doesNotContain("dev-staff");
        assertThat(event.get("history").get(0).get("escalationReason").asString()).isEqualTo("CASEWORKER_DECISION");
    }

    @Test
    void theDossiersHistorySaysWhichBodyTheCaseworkersDidNotWaitFor() {
        // given a caseworker asked on 7 December not to wait for the police
        Instant at = noonOn(LocalDate.of(2026, 12, 7));
        CaseFile file = policeCase().apply(new CaseEvent.EscalationRequested(ID, "kz-39-police",
                new EscalationRequest("The police refused to register it.", "dev-staff", at)));

        // when every rung above stays silent past its deadline, up to the end of the ladder
        LadderEvents.LadderEvent exhausted = null;
        for (int pass = 0; pass < 10 && exhausted == null; pass++) {
            at = at.plus(Duration.ofDays(60));
            SilenceCheck.Checked checked = CHECK.check(file, at);
            file = checked.file();
            for (Due due : checked.dues()) {
                if (due instanceof Due.LadderExhausted) {
                    exhausted = events.of(due, file, at);
                }
            }
        }

        // then the dossier's event says the police were passed over by decision, every other body at its deadline
        assertThat(exhausted).as("the ladder ends within ten passes").isNotNull();
        JsonNode event = json.readTree(exhausted.value());
        EventSchemas.assertConforms("escalation-exhausted.v1.schema.json", event);
        List<JsonNode> history = event.get("history").valueStream().toList();
        assertThat(history).hasSizeGreaterThan(1);
        assertThat(history.get(0).get("authorityId").asString()).isEqualTo("kz-39-police");
        assertThat(history.get(0).get("escalationReason").asString()).isEqualTo("CASEWORKER_DECISION");
        assertThat(history.subList(1, history.size())).allSatisfy(body ->
                assertThat(body.get("escalationReason").asString()).isEqualTo("NO_ANSWER_BY_DEADLINE"));
        assertThat(history.get(history.size() - 1).get("ladderEnded").asBoolean()).isTrue();
        assertThat(event.toString()).doesNotContain("refused to register", "dev-staff");
    }
}
