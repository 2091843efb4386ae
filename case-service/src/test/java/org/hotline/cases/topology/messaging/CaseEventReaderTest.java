package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.hotline.cases.sealing.domain.FieldOpener;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deadlines a routed decision gives each body, as the case file records them; and what the reader checks of a
 * record against its published schema: the fields it reads, and only those.
 */
class CaseEventReaderTest {

    private final CaseEventReader reader = new CaseEventReader(JsonMapper.builder().build(),
            new SealedFields(new FieldOpener(Map.of("test-1", new byte[32])), ComplaintKeys.NONE),
            new CaseRecorder(DeadlineFiles.bundledClocks(ZoneId.of("Asia/Almaty"))),
            new CaseProperties.Topics("received", "routed", "outcomes", "cases", "status", 6, (short) 1));

    /** Received Monday 30 November 2026: the bundled clocks count 3 December and 22 December for the body. */
    private static byte[] routed(String dates) {
        return ("""
                {"eventId":"6f1c2d9e-1b7a-4c1e-9a51-0c3c7f6e2b11","eventType":"ComplaintRouted","schemaVersion":1,
                 "complaintId":"0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11","reference":"HL-7F3K-9QX2-ABCD",
                 "receivedAt":"2026-11-30T05:00:00Z",
                 "assignments":[{"authorityId":"kz-39-education","authorityType":"EDUCATION_AUTHORITY",
                   "role":"PRIMARY","correspondenceLanguage":"ru","answerDeadlineWorkingDays":15%s}],
                 "complaint":{"complainant":{"mode":"ANONYMOUS","sealed":{"keyId":"none","algorithm":"A256GCM",
                   "iv":"AAAAAAAAAAAAAAAA","ciphertext":"AAAA"}}}}""").formatted(dates)
                .getBytes(StandardCharsets.UTF_8);
    }

    private Assignment body(String dates) {
        CaseEvent event = reader.read("routed", routed(dates)).event().orElseThrow();
        return ((CaseEvent.ComplaintDecided) event).assignments().get(0);
    }

    @Test
    void keepsTheDatesRoutingGaveTheBody() {
        Assignment body = body(",\"acknowledgeBy\":\"2026-12-04\",\"answerBy\":\"2026-12-24\"");

        assertThat(body.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(body.answerBy()).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void countsTheDatesItselfWhenRoutingGaveNoneOrOnlyOne() {
        for (String dates : new String[] {"", ",\"acknowledgeBy\":\"2026-12-04\"", ",\"answerBy\":\"2026-12-24\""}) {
            Assignment body = body(dates);

            assertThat(body.acknowledgeBy()).as(dates).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(body.answerBy()).as(dates).isEqualTo(LocalDate.of(2026, 12, 22));
        }
    }

    @Test
    void refusesADateThatIsNotAnIsoDate() {
        assertThatThrownBy(() -> reader.read("routed",
                routed(",\"acknowledgeBy\":\"04.12.2026\",\"answerBy\":\"2026-12-24\"")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("'acknowledgeBy' or 'answerBy' is not an ISO-8601 date");
    }

    /** An acknowledgement as the case service writes it, with {@code replaced} pairs of text replaced. */
    private static byte[] acknowledged(String... replaced) {
        String event = """
                {"eventId":"9a41c2d0-1b7a-4c1e-9a51-0c3c7f6e2b11","eventType":"AssignmentAcknowledged",
                 "schemaVersion":1,"occurredAt":"2026-12-01T09:00:00Z",
                 "complaintId":"0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11","authorityId":"kz-39-education",
                 "acknowledgedAt":"2026-12-01T08:59:00Z","registrationNumber":"ЖТ-2026-0042","recordedBy":"body"}""";
        for (int i = 0; i < replaced.length; i += 2) {
            event = event.replace(replaced[i], replaced[i + 1]);
        }
        return event.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAHoldAndItsLiftingFromTheCaseEventsAndRefusesAHoldWithoutItsReason() {
        // given the schema's two examples, a hold and its lifting, and a hold without its reason
        String hold = """
                {"eventId":"3e9b7c1a-52d4-4f0e-8a6b-2c1d0e9f8a7b","eventType":"EscalationHeld","schemaVersion":1,
                 "occurredAt":"2026-12-23T05:12:00Z","complaintId":"0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11",
                 "reference":"HL-7F3K-9QX2-ABCD","authorityId":"kz-39-education","heldUntil":"2027-01-08",
                 "reason":"The head called.","recordedBy":"caseworker","principal":"caseworker.aliya"}""";
        String lifted = hold.replace("\"heldUntil\":\"2027-01-08\",", "");

        // when
        CaseEvent.EscalationHeld held = (CaseEvent.EscalationHeld) reader.read("cases",
                hold.getBytes(StandardCharsets.UTF_8)).event().orElseThrow();
        CaseEvent.EscalationHeld released = (CaseEvent.EscalationHeld) reader.read("cases",
                lifted.getBytes(StandardCharsets.UTF_8)).event().orElseThrow();

        // then
        assertThat(held.authorityId()).isEqualTo("kz-39-education");
        assertThat(held.hold().until()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(held.hold().reason()).isEqualTo("The head called.");
        assertThat(held.hold().principal()).isEqualTo("caseworker.aliya");
        assertThat(released.hold().until()).isNull();
        assertThatThrownBy(() -> reader.read("cases", hold.replace("\"reason\":\"The head called.\",", "")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void readsARequestToEscalateAndRefusesOneWithoutItsReason() {
        // given the schema's example, and the same without its reason
        String request = """
                {"eventId":"6a1c2e4f-8b3d-4c5e-9f7a-1b2c3d4e5f60","eventType":"EscalationRequested","schemaVersion":1,
                 "occurredAt":"2026-12-07T06:20:00Z","complaintId":"0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11",
                 "reference":"HL-7F3K-9QX2-ABCD","authorityId":"kz-39-police",
                 "reason":"The police refused to register it.","recordedBy":"caseworker",
                 "principal":"caseworker.aliya"}""";

        // when
        CaseEvent.EscalationRequested requested = (CaseEvent.EscalationRequested) reader.read("cases",
                request.getBytes(StandardCharsets.UTF_8)).event().orElseThrow();

        // then
        assertThat(requested.authorityId()).isEqualTo("kz-39-police");
        assertThat(requested.request().reason()).isEqualTo("The police refused to register it.");
        assertThat(requested.request().principal()).isEqualTo("caseworker.aliya");
        assertThat(requested.request().at()).isEqualTo(Instant.parse("2026-12-07T06:20:00Z"));
        assertThatThrownBy(() -> reader.read("cases", request.replace("\"reason\":\"The police refused to "
                + "register it.\",", "").getBytes(StandardCharsets.UTF_8))).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void readsARecordWhoseDepartureFromItsSchemaIsInAFieldThisServiceDoesNotRead() {
        // given: an event id that is no UUID and a recorder the schema does not list; the service reads neither
        byte[] event = acknowledged("9a41c2d0-1b7a-4c1e-9a51-0c3c7f6e2b11", "42", "\"body\"", "\"robot\"");

        // when
        CaseEvent read = reader.read("cases", event).event().orElseThrow();

        // then
        assertThat(read).isInstanceOf(CaseEvent.BodyAcknowledged.class);
        assertThat(((CaseEvent.BodyAcknowledged) read).registrationNumber()).isEqualTo("ЖТ-2026-0042");
    }

    @Test
    void refusesEveryDepartureInTheFieldsItReadsByPathWithoutQuotingTheValues() {
        // given: a number with a line break in it, and no authority
        byte[] event = acknowledged("ЖТ-2026-0042", "Aigul\\n+7 701 555 0199", "\"authorityId\":\"kz-39-education\",",
                "");

        // when
        UnreadableEventException refused = catchThrowableOfType(UnreadableEventException.class,
                () -> reader.read("cases", event));

        // then
        assertThat(refused.getMessage().split("; ")).containsExactlyInAnyOrder(
                "required field authorityId is missing", "field registrationNumber must be in the documented format");
    }

    @Test
    void refusesABodyOfATypeTheSchemaDoesNotList() {
        // given
        byte[] unknown = new String(routed(""), StandardCharsets.UTF_8).replace("EDUCATION_AUTHORITY", "ORACLE")
                .getBytes(StandardCharsets.UTF_8);

        // when
        UnreadableEventException refused = catchThrowableOfType(UnreadableEventException.class,
                () -> reader.read("routed", unknown));

        // then
        assertThat(refused.getMessage()).startsWith("field assignments[0].authorityType must be one of POLICE, ");
    }

    @Test
    void namesNeitherTheTextOfARecordThatIsNotJsonNorAnEventTypeThatIsNoName() {
        // given
        byte[] notJson = "{\"eventType\": Aigul}".getBytes(StandardCharsets.UTF_8);
        byte[] strangeType = acknowledged("\"AssignmentAcknowledged\"", "\"Aigul +7 701 555 0199\"");
        byte[] strangeVersion = acknowledged("\"schemaVersion\":1", "\"schemaVersion\":\"Aigul\"");

        // when
        UnreadableEventException refusedText = catchThrowableOfType(UnreadableEventException.class,
                () -> reader.read("cases", notJson));
        UnreadableEventException refusedType = catchThrowableOfType(UnreadableEventException.class,
                () -> reader.read("outcomes", strangeType));
        UnreadableEventException refusedVersion = catchThrowableOfType(UnreadableEventException.class,
                () -> reader.read("cases", strangeVersion));

        // then
        assertThat(refusedText).hasMessage("the record is not JSON (stopped at line 1, column 15)");
        assertThat(refusedType).hasMessage("eventType is not an event type's name, expected NotificationOutcome");
        assertThat(refusedVersion)
                .hasMessage("unsupported schemaVersion (a JSON string), this service reads 1");
    }
}
