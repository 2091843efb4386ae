package org.hotline.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.hotline.deadlines.yaml.CalendarFile;
import org.hotline.deadlines.yaml.ClocksLoader;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.junit.jupiter.api.Test;

class StatutoryClocksTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** Monday 30 November 2026, 10:00 in Kostanay. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T05:00:00Z");

    private final ClocksLoader loader = new ClocksLoader();

    private static CalendarFile bundledClocks() throws IOException {
        try (InputStream in = Objects.requireNonNull(StatutoryClocksTest.class.getResourceAsStream(
                "/clocks/kz/clocks.yml"))) {
            return new CalendarFile("clocks.yml", in.readAllBytes());
        }
    }

    private StatutoryClocks bundled() throws IOException {
        return loader.load(bundledClocks(), DeadlineFiles.bundledCalendar(), ALMATY);
    }

    private StatutoryClocks clocks(String yaml) {
        return loader.load(new CalendarFile("clocks.yml", yaml.getBytes(StandardCharsets.UTF_8)),
                DeadlineFiles.bundledCalendar(), ALMATY);
    }

    @Test
    void givesABodyThreeWorkingDaysToAcknowledgeAndFifteenToAnswerByDefault() throws IOException {
        Deadlines deadlines = bundled().deadlines("kz-39-education", "EDUCATION_AUTHORITY", null, MONDAY_MORNING);

        assertThat(deadlines).isEqualTo(new Deadlines(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 22)));
    }

    @Test
    void givesPoliceAndProsecutorsOneWorkingDayToRegisterTheReport() throws IOException {
        StatutoryClocks clocks = bundled();

        assertThat(clocks.deadlines("kz-39-police", "POLICE", 15, MONDAY_MORNING).acknowledgeBy())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(clocks.deadlines("kz-39-prosecutor", "PROSECUTOR", null, MONDAY_MORNING).acknowledgeBy())
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void takesTheDayOfReceiptInAlmatyNotInUtc() throws IOException {
        // Sunday 29 November 2026, 20:00 UTC is Monday 30 November, 01:00 in Almaty.
        Deadlines deadlines = bundled().deadlines("kz-39-education", "EDUCATION_AUTHORITY", null,
                Instant.parse("2026-11-29T20:00:00Z"));

        assertThat(deadlines.answerBy()).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void usesTheDirectorysAnswerDeadlineOverTheTypeAndTheDefault() {
        StatutoryClocks clocks = clocks("""
                default: { acknowledgeWorkingDays: 3, answerWorkingDays: 15 }
                byAuthorityType:
                  LABOUR_INSPECTION: { answerWorkingDays: 20 }
                """);

        assertThat(clocks.deadlines("kz-39-labour", "LABOUR_INSPECTION", 10, MONDAY_MORNING).answerBy())
                .isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(clocks.deadlines("kz-39-labour", "LABOUR_INSPECTION", null, MONDAY_MORNING).answerBy())
                .isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void letsAnAuthorityIdOverrideEveryOtherSourceValueByValue() {
        StatutoryClocks clocks = clocks("""
                default: { acknowledgeWorkingDays: 3, answerWorkingDays: 15 }
                byAuthorityType:
                  POLICE: { acknowledgeWorkingDays: 1 }
                byAuthority:
                  kz-39-police: { answerWorkingDays: 5 }
                """);

        Deadlines deadlines = clocks.deadlines("kz-39-police", "POLICE", 15, MONDAY_MORNING);

        assertThat(deadlines).isEqualTo(new Deadlines(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7)));
    }

    @Test
    void reportsEveryProblemOfTheClocksFileWithItsLine() {
        assertThatThrownBy(() -> clocks("""
                default: { acknowledgeWorkingDays: 3 }
                byAuthorityType:
                  POLICEMAN: { acknowledgeWorkingDays: 1 }
                byAuthority:
                  kz-39-police: { answerWorkingDays: 0, reminder: 2 }
                  kz-39-labour: {}
                """))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.problems())
                        .extracting(CalendarProblem::toString)
                        .containsExactlyInAnyOrder(
                                "clocks.yml:1: 'answerWorkingDays' is required",
                                "clocks.yml:3: unknown authority type 'POLICEMAN' (one of ANTI_CORRUPTION, "
                                        + "CHILDREN_OMBUDSMAN, CRISIS_CENTER, EDUCATION_AUTHORITY, LABOUR_INSPECTION, "
                                        + "NGO_LEGAL_AID, OMBUDSMAN, POLICE, PROSECUTOR, TRIAGE)",
                                "clocks.yml:5: clock: unknown field 'reminder' (allowed: acknowledgeWorkingDays, "
                                        + "answerWorkingDays)",
                                "clocks.yml:5: 'answerWorkingDays' must be a number of working days from 1 to 250, "
                                        + "not '0'",
                                "clocks.yml:6: a clock states acknowledgeWorkingDays, answerWorkingDays or both"));
    }
}
