package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

/** The deadlines a routed decision gives each body, as the case file records them. */
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
}
