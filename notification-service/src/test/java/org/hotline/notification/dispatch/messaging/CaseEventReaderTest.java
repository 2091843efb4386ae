package org.hotline.notification.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.LadderStep;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.domain.SealedValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CaseEventReaderTest {

    /** An EscalationDue as the case service writes it (docs/schemas/escalation-due.v1.schema.json). */
    static final String ESCALATION = """
            {"eventId":"5b2d8f0e-3c1a-3e77-9b1f-0c6f2a9d4e11","eventType":"EscalationDue","schemaVersion":1,
             "occurredAt":"2026-12-23T00:00:05Z","complaintId":"3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33",
             "reference":"HL-7F3K-9QX2-ABCD","fromAuthorityId":"kz-39-391600000-education",
             "toAuthorityId":"kz-39-education","toAuthorityType":"EDUCATION_AUTHORITY","rung":1,"lastRung":false,
             "reason":"NO_ANSWER_BY_DEADLINE","acknowledgeBy":"2026-12-28","answerBy":"2027-01-15",
             "skippedRungs":[{"authorityId":"kz-39-akimat","reason":"oversees-accused"}],
             "history":[{"authorityId":"kz-39-391600000-education","authorityType":"EDUCATION_AUTHORITY",
               "role":"PRIMARY","notifiedAt":"2026-11-30T09:12:00Z","noticeFailed":false,
               "acknowledgeBy":"2026-12-03","answerBy":"2026-12-22","remindedAt":"2026-12-04T00:00:05Z",
               "escalatedAt":"2026-12-23T00:00:05Z"}],
             "summary":{"receivedAt":"2026-11-30T09:10:00Z","categories":["SEXUAL_HARASSMENT","EXTORTION"],
               "region":"KZ-39","workplaceSector":"PUBLIC","workplaceType":"SCHOOL",
               "accusedRole":"HEAD_OF_ORGANIZATION","accusedPublicOfficial":true,"victimMinor":false,
               "immediateDanger":false},
             "aFieldAddedLater":true}""";

    /**
     * The step of a caseworker's decision not to wait for the district, as the case service writes it
     * (docs/schemas/escalation-due.v2.schema.json).
     */
    static final String CASEWORKER_DECISION = ESCALATION.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
            .replace("\"reason\":\"NO_ANSWER_BY_DEADLINE\"", "\"reason\":\"CASEWORKER_DECISION\",\"decision\":"
                    + "{\"reason\":\"Отдел отказался регистрировать жалобу по телефону.\","
                    + "\"requestedAt\":\"2026-12-07T06:20:00Z\",\"aFieldAddedLater\":1}")
            .replace("\"escalatedAt\":\"2026-12-23T00:00:05Z\"}",
                    "\"escalatedAt\":\"2026-12-23T00:00:05Z\",\"escalationReason\":\"CASEWORKER_DECISION\"}");

    private static final byte[] TEST_KEY = Base64.getDecoder().decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final String COMPLAINT = "3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33";

    private final FieldSealer intake = new FieldSealer("test-1", Map.of("test-1", TEST_KEY));
    private final CaseEventReader reader = new CaseEventReader(JsonMapper.builder().build(),
            new SealedFields(intake, ComplaintKeys.NONE));

    /** A ComplainantUpdateDue as the case service writes it, with a complainant block as intake sealed it. */
    private static String complainantUpdate(String mode, FieldSealer sealer) {
        SealedValue sealed = sealer.seal("""
                {"name":"Айгерим","email":"a@mail.example","preferredLanguage":"kk","consentToContact":true,
                 "trackingCode":"ABCD-EFGH-JKLM-NPQR"}""".getBytes(StandardCharsets.UTF_8),
                "complaints.received.v1/" + COMPLAINT + "/complainant");
        return """
                {"eventId":"5b2d8f0e-3c1a-3e77-9b1f-0c6f2a9d4e14","eventType":"ComplainantUpdateDue",
                 "schemaVersion":1,"occurredAt":"2026-12-02T04:30:00Z","complaintId":"%s",
                 "reference":"HL-7F3K-9QX2-ABCD","update":"ACKNOWLEDGED","authorityId":"kz-39-police",
                 "authorityName":{"ru":"Полиция","kk":"Полиция"},"answerBy":"2026-12-22",
                 "acknowledgedAt":"2026-12-02T04:30:00Z","registrationNumber":"ЖТ-2026/01234","role":"COPY",
                 "complainant":{"mode":"%s","sealed":{"keyId":"%s","algorithm":"%s","iv":"%s","ciphertext":"%s"}}}"""
                .formatted(COMPLAINT, mode, sealed.keyId(), sealed.algorithm(), sealed.iv(), sealed.ciphertext());
    }

    @Test
    void readsAComplainantUpdateAndOpensItsComplainantBlock() {
        // when
        LadderStep step = reader.read(bytes(complainantUpdate("CONFIDENTIAL", intake))).orElseThrow();

        // then
        assertThat(step).isInstanceOfSatisfying(LadderStep.ComplainantUpdate.class, update -> {
            assertThat(update.update()).isEqualTo(LadderStep.ComplainantUpdate.ACKNOWLEDGED);
            assertThat(update.registrationNumber()).isEqualTo("ЖТ-2026/01234");
            assertThat(update.role()).isEqualTo("COPY");
            assertThat(update.authorityName()).containsEntry(Language.RU, "Полиция");
            assertThat(update.mode()).isEqualTo(ComplainantMode.CONFIDENTIAL);
            assertThat(update.complainant().email()).isEqualTo("a@mail.example");
            assertThat(update.complainant().preferredLanguage()).isEqualTo(Language.KK);
            assertThat(update.complainant().consentToContact()).isTrue();
        });
    }

    @Test
    void aComplainantBlockThatDoesNotOpenIsADeadLetterWithItsReason() {
        FieldSealer stranger = new FieldSealer("test-1", Map.of("test-1", new byte[32]));

        assertThatThrownBy(() -> reader.read(bytes(complainantUpdate("CONFIDENTIAL", stranger))))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reasonCode())
                        .isEqualTo(PoisonEventException.SEALED_VALUE_UNOPENABLE));
    }

    @Test
    void readsAnEscalationWithItsHistory() {
        // when
        LadderStep step = reader.read(bytes(ESCALATION)).orElseThrow();

        // then
        assertThat(step).isInstanceOfSatisfying(LadderStep.Escalation.class, escalation -> {
            assertThat(escalation.toAuthorityId()).isEqualTo("kz-39-education");
            assertThat(escalation.rung()).isEqualTo(1);
            assertThat(escalation.answerBy()).isEqualTo(LocalDate.parse("2027-01-15"));
            assertThat(escalation.skippedRungs()).containsExactly(
                    new LadderStep.Skipped("kz-39-akimat", "oversees-accused"));
            assertThat(escalation.history()).singleElement().satisfies(body -> {
                assertThat(body.remindedAt()).isEqualTo(Instant.parse("2026-12-04T00:00:05Z"));
                assertThat(body.acknowledgedAt()).isNull();
                // written by a case service older than the field: passed over at its deadline
                assertThat(body.escalationReason()).isNull();
                assertThat(body.passedOverByDecision()).isFalse();
            });
            assertThat(escalation.summary()).isEqualTo(new LadderStep.CaseSummary(
                    Instant.parse("2026-11-30T09:10:00Z"), List.of("SEXUAL_HARASSMENT", "EXTORTION"), "KZ-39",
                    "PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, false, false));
        });
    }

    @Test
    void readsAnEscalationFromACaseServiceOlderThanTheSummary() {
        String older = ESCALATION.substring(0, ESCALATION.indexOf("\"summary\"")) + "\"aFieldAddedLater\":true}";

        LadderStep step = reader.read(bytes(older)).orElseThrow();

        assertThat(step).isInstanceOfSatisfying(LadderStep.Escalation.class,
                escalation -> assertThat(escalation.summary()).isNull());
    }

    @Test
    void readsACaseworkersDecisionInVersionTwoWithWhyAndWhenTheyAsked() {
        // when
        LadderStep step = reader.read(bytes(CASEWORKER_DECISION)).orElseThrow();

        // then
        assertThat(step).isInstanceOfSatisfying(LadderStep.Escalation.class, escalation -> {
            assertThat(escalation.reason()).isEqualTo(LadderStep.Escalation.CASEWORKER_DECISION);
            assertThat(escalation.byCaseworkerDecision()).isTrue();
            assertThat(escalation.decision()).isEqualTo(new LadderStep.Decision(
                    "Отдел отказался регистрировать жалобу по телефону.", Instant.parse("2026-12-07T06:20:00Z")));
            assertThat(escalation.toAuthorityId()).isEqualTo("kz-39-education");
            assertThat(escalation.history()).singleElement().satisfies(body -> {
                assertThat(body.answerBy()).isEqualTo(LocalDate.parse("2026-12-22"));
                assertThat(body.passedOverByDecision()).isTrue();
            });
        });
    }

    @Test
    void readsAStepAtTheDeadlineInVersionTwoAsInVersionOne() {
        // given
        String versionTwo = ESCALATION.replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        // when
        LadderStep step = reader.read(bytes(versionTwo)).orElseThrow();

        // then
        assertThat(step).isEqualTo(reader.read(bytes(ESCALATION)).orElseThrow());
        assertThat(step).isInstanceOfSatisfying(LadderStep.Escalation.class, escalation -> {
            assertThat(escalation.byCaseworkerDecision()).isFalse();
            assertThat(escalation.decision()).isNull();
        });
    }

    @Test
    void aCaseworkersDecisionWithoutTheDecisionIsAMissingField() {
        // given: the schema cannot require decision for this reason only
        String withoutDecision = CASEWORKER_DECISION.substring(0, CASEWORKER_DECISION.indexOf(",\"decision\""))
                + CASEWORKER_DECISION.substring(CASEWORKER_DECISION.indexOf(",\"acknowledgeBy\""));

        // when / then
        assertThatThrownBy(() -> reader.read(bytes(withoutDecision)))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.MISSING_FIELD))
                .hasMessage("an escalation by CASEWORKER_DECISION needs decision");
    }

    @Test
    void aCaseworkersDecisionIsNotAReasonOfVersionOne() {
        // given
        String versionOne = CASEWORKER_DECISION.replace("\"schemaVersion\":2", "\"schemaVersion\":1");

        // when / then
        assertThatThrownBy(() -> reader.read(bytes(versionOne)))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.INVALID_FIELD))
                .hasMessageContaining("reason");
    }

    @Test
    void refusesAVersionItDoesNotReadNamingTheVersionsItReads() {
        // given
        String escalationThree = CASEWORKER_DECISION.replace("\"schemaVersion\":2", "\"schemaVersion\":3");
        String reminderTwo = """
                {"eventId":"5b2d8f0e-3c1a-3e77-9b1f-0c6f2a9d4e12","eventType":"AcknowledgementReminderDue",
                 "schemaVersion":2}""";

        // when / then
        assertThatThrownBy(() -> reader.read(bytes(escalationThree)))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reasonCode())
                        .isEqualTo(PoisonEventException.UNSUPPORTED_SCHEMA_VERSION))
                .hasMessage("unsupported schemaVersion 3 of EscalationDue, this service reads 1 and 2");
        assertThatThrownBy(() -> reader.read(bytes(reminderTwo)))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reasonCode())
                        .isEqualTo(PoisonEventException.UNSUPPORTED_SCHEMA_VERSION))
                .hasMessage("unsupported schemaVersion 2 of AcknowledgementReminderDue, this service reads 1");
    }

    @Test
    void readsWhyAnEscalatedCaseWentUpAndNothingFromACaseServiceOlderThanTheField() {
        // given
        String escalated = complainantUpdate("CONFIDENTIAL", intake).replace("\"update\":\"ACKNOWLEDGED\"",
                "\"update\":\"ESCALATED\",\"toAuthorityId\":\"kz-39-prosecutor\",\"toAnswerBy\":\"2027-01-04\"");
        String early = escalated.replace("\"toAnswerBy\"",
                "\"escalationReason\":\"CASEWORKER_DECISION\",\"toAnswerBy\"");

        // when
        LadderStep older = reader.read(bytes(escalated)).orElseThrow();
        LadderStep caseworkers = reader.read(bytes(early)).orElseThrow();

        // then
        assertThat(older).isInstanceOfSatisfying(LadderStep.ComplainantUpdate.class, update -> {
            assertThat(update.escalationReason()).isNull();
            assertThat(update.byCaseworkerDecision()).isFalse();
        });
        assertThat(caseworkers).isInstanceOfSatisfying(LadderStep.ComplainantUpdate.class, update -> {
            assertThat(update.escalationReason()).isEqualTo(LadderStep.Escalation.CASEWORKER_DECISION);
            assertThat(update.byCaseworkerDecision()).isTrue();
            assertThat(update.toAnswerBy()).isEqualTo(LocalDate.parse("2027-01-04"));
        });
    }

    @Test
    void readsAReminderAndAnExhaustedLadder() {
        // given
        String reminder = """
                {"eventId":"5b2d8f0e-3c1a-3e77-9b1f-0c6f2a9d4e12","eventType":"AcknowledgementReminderDue",
                 "schemaVersion":1,"occurredAt":"2026-12-04T00:00:05Z",
                 "complaintId":"3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33","reference":"HL-7F3K-9QX2-ABCD",
                 "authorityId":"kz-39-391600000-education","authorityType":"EDUCATION_AUTHORITY","role":"PRIMARY",
                 "acknowledgeBy":"2026-12-03","answerBy":"2026-12-22"}""";
        String exhausted = """
                {"eventId":"5b2d8f0e-3c1a-3e77-9b1f-0c6f2a9d4e13","eventType":"EscalationExhausted",
                 "schemaVersion":1,"occurredAt":"2027-02-20T00:00:05Z",
                 "complaintId":"3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33","reference":"HL-7F3K-9QX2-ABCD",
                 "authorityId":"kz-ombudsman","skippedRungs":[],"history":[]}""";

        // then
        assertThat(reader.read(bytes(reminder))).get().isInstanceOfSatisfying(LadderStep.Reminder.class,
                step -> assertThat(step.notifiedAt()).isNull());
        assertThat(reader.read(bytes(exhausted))).get().isInstanceOf(LadderStep.Exhausted.class);
    }

    @Test
    void passesOverEventsThatCallForNoLetter() {
        assertThat(reader.read(bytes("""
                {"eventType":"AssignmentAcknowledged","schemaVersion":1}"""))).isEmpty();
        assertThat(reader.read(bytes("""
                {"eventType":"SomethingAddedLater","schemaVersion":7}"""))).isEmpty();
    }

    @Test
    void refusesWhatItCannotReadWithAReasonCode() {
        assertThatThrownBy(() -> reader.read(bytes("not json")))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.NOT_JSON));
        assertThatThrownBy(() -> reader.read(bytes(ESCALATION.replace("\"schemaVersion\":1", "\"schemaVersion\":3"))))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.reasonCode())
                        .isEqualTo(PoisonEventException.UNSUPPORTED_SCHEMA_VERSION));
        assertThatThrownBy(() -> reader.read(bytes(ESCALATION.replace("\"toAuthorityId\"", "\"renamed\""))))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.MISSING_FIELD));
        assertThatThrownBy(() -> reader.read(bytes(ESCALATION.replace("2027-01-15", "15.01.2027"))))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.INVALID_FIELD));
    }

    @Test
    void readsTheSummaryAsItAlwaysHasSoThatItNeverHoldsUpTheLetter() {
        // given: categories that are not codes, a flag that is not a boolean, a region outside the documented format
        String odd = ESCALATION.replace("\"categories\":[\"SEXUAL_HARASSMENT\",\"EXTORTION\"]",
                "\"categories\":[7,\"EXTORTION\"]").replace("\"victimMinor\":false", "\"victimMinor\":\"yes\"")
                .replace("\"region\":\"KZ-39\"", "\"region\":\"Kostanay\"");

        // when
        LadderStep step = reader.read(bytes(odd)).orElseThrow();

        // then
        assertThat(step).isInstanceOfSatisfying(LadderStep.Escalation.class, escalation -> {
            assertThat(escalation.summary().categories()).containsExactly("EXTORTION");
            assertThat(escalation.summary().victimMinor()).isFalse();
            assertThat(escalation.summary().region()).isEqualTo("Kostanay");
        });
    }

    @Test
    void refusesAnEventOutsideItsPublishedSchemaNamingTheFieldNeverTheValue() {
        // given
        String unknownType = ESCALATION.replace("\"toAuthorityType\":\"EDUCATION_AUTHORITY\"",
                "\"toAuthorityType\":\"Айгуль\"");
        String escalatedWithoutRung = complainantUpdate("CONFIDENTIAL", intake)
                .replace("\"update\":\"ACKNOWLEDGED\"", "\"update\":\"ESCALATED\"");

        // when / then
        assertThatThrownBy(() -> reader.read(bytes(unknownType)))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.INVALID_FIELD))
                .hasMessageStartingWith("field toAuthorityType must be one of POLICE, PROSECUTOR")
                .hasMessageNotContaining("Айгуль");
        assertThatThrownBy(() -> reader.read(bytes(escalatedWithoutRung)))
                .isInstanceOfSatisfying(PoisonEventException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PoisonEventException.MISSING_FIELD))
                .hasMessage("an ESCALATED update needs toAuthorityId and toAnswerBy");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
