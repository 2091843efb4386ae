package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.directory.domain.LocalizedName;
import org.hotline.routing.rules.domain.Assignment;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.routing.rules.domain.Reason;
import org.hotline.routing.rules.domain.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writer keeps each assignment's fields but its deadlines written: what it keeps must never stand in for a body
 * or a reason that has changed, and must not grow without bound.
 */
class ComplaintRoutedWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");

    private final ComplaintRoutedWriter writer =
            new ComplaintRoutedWriter(DeadlineFiles.bundledClocks(ZoneId.of("Asia/Almaty")));
    private final ReceivedComplaint complaint = new ComplaintReceivedReader()
            .read(ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(UUID.randomUUID().toString())));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBodyChangedByADirectoryReloadIsWrittenAsItIsNow() {
        // given: the body written once, then reloaded with a new address and name
        Authority before = inspection("labour@kostanay.example", "Инспекция труда");
        Authority after = inspection("trud@kostanay.example", "Департамент инспекции труда");
        write(assignment(before, Reason.english("The workplace is in its region.")));

        // when
        JsonNode written = write(assignment(after, Reason.english("The workplace is in its region.")));

        // then
        assertThat(written.at("/contactEmail").stringValue()).isEqualTo("trud@kostanay.example");
        assertThat(written.at("/authorityName/ru").stringValue()).isEqualTo("Департамент инспекции труда");
    }

    @Test
    void anAssignmentThatDiffersInAnyOneFieldIsWrittenWithItsOwnValues() {
        // given: one assignment written first, then others each differing from it in one field
        Authority body = inspection("labour@kostanay.example", "Инспекция труда");
        Reason reason = new Reason("Harassment at work.", "Домогательство на работе.", "Жұмыстағы қудалау.");
        write(new Assignment(body, Role.PRIMARY, "KZ-39", "R-1", reason));

        // when
        JsonNode role = write(new Assignment(body, Role.COPY, "KZ-39", "R-1", reason));
        JsonNode jurisdiction = write(new Assignment(body, Role.PRIMARY, "KZ-39-392410000", "R-1", reason));
        JsonNode rule = write(new Assignment(body, Role.PRIMARY, "KZ-39", "R-2", reason));
        JsonNode russian = write(new Assignment(body, Role.PRIMARY, "KZ-39", "R-1",
                new Reason(reason.en(), "Домогательство на работе. В копии.", reason.kk())));
        JsonNode kazakh = write(new Assignment(body, Role.PRIMARY, "KZ-39", "R-1",
                new Reason(reason.en(), reason.ru(), "Жұмыстағы қудалау. Көшірмеде.")));
        JsonNode english = write(new Assignment(body, Role.PRIMARY, "KZ-39", "R-1", Reason.english(reason.en())));

        // then
        assertThat(role.at("/role").stringValue()).isEqualTo("COPY");
        assertThat(jurisdiction.at("/jurisdiction").stringValue()).isEqualTo("KZ-39-392410000");
        assertThat(rule.at("/ruleId").stringValue()).isEqualTo("R-2");
        assertThat(russian.at("/reasonTranslations/ru").stringValue()).isEqualTo("Домогательство на работе. В копии.");
        assertThat(kazakh.at("/reasonTranslations/kk").stringValue()).isEqualTo("Жұмыстағы қудалау. Көшірмеде.");
        assertThat(english.has("reasonTranslations")).isFalse();
    }

    @Test
    void theSameAssignmentWrittenAgainGivesTheSameTextAndEachComplaintItsOwnDeadlines() {
        // given
        Assignment assignment = assignment(inspection("labour@kostanay.example", "Инспекция труда"),
                new Reason("Harassment at work.", "Домогательство на работе.", "Жұмыстағы қудалау."));
        Decision decision = new Decision(List.of(assignment), false, "v1");
        String laterEvent = ComplaintEvents.kostanaySchool(UUID.randomUUID().toString())
                .replace("2026-11-24T05:06:40.123Z", "2026-12-01T05:00:00Z");
        ReceivedComplaint later = new ComplaintReceivedReader().read(ComplaintEvents.bytes(laterEvent));

        // when
        byte[] first = writer.write(complaint, decision, "e1", NOW);
        byte[] second = writer.write(complaint, decision, "e1", NOW);
        JsonNode third = json.readTree(writer.write(later, decision, "e1", NOW)).at("/assignments/0");

        // then
        assertThat(second).isEqualTo(first);
        JsonNode firstAssignment = json.readTree(first).at("/assignments/0");
        assertThat(firstAssignment.at("/reasonTranslations/kk").stringValue()).isEqualTo("Жұмыстағы қудалау.");
        assertThat(firstAssignment.at("/answerDeadlineWorkingDays").intValue()).isEqualTo(15);
        assertThat(third.at("/acknowledgeBy").stringValue())
                .isGreaterThan(firstAssignment.at("/acknowledgeBy").stringValue());
        assertThat(third.at("/answerBy").stringValue()).isGreaterThan(firstAssignment.at("/answerBy").stringValue());
    }

    @Test
    void moreDistinctReasonsThanTheWriterKeepsAreEachWrittenWithTheirOwnWordsAndTheKeptOnesStayBounded() {
        // given: reasons that quote each complainant's own region, as the fallback's do
        Authority triage = inspection("triage@hotline.example", "Сенім желісі");

        for (int i = 0; i < 10_000; i++) {
            // when
            JsonNode written = write(assignment(triage, Reason.english("Region \"R-" + i + "\" is not listed.")));

            // then
            assertThat(written.at("/reason").stringValue()).isEqualTo("Region \"R-" + i + "\" is not listed.");
        }
        assertThat(writer.kept()).isPositive().isLessThanOrEqualTo(ComplaintRoutedWriter.KEPT_ASSIGNMENTS);
    }

    private JsonNode write(Assignment assignment) {
        byte[] event = writer.write(complaint, new Decision(List.of(assignment), false, "v1"), "e1", NOW);
        return json.readTree(event).at("/assignments/0");
    }

    private static Assignment assignment(Authority authority, Reason reason) {
        return new Assignment(authority, Role.PRIMARY, "KZ-39", "R-1", reason);
    }

    private static Authority inspection(String email, String russianName) {
        return new Authority("kz-39-labour", AuthorityType.LABOUR_INSPECTION, Level.REGION, "KZ-39",
                new LocalizedName("Еңбек инспекциясы", russianName, "Labour inspection"), email, "ru", true, 15, null);
    }
}
