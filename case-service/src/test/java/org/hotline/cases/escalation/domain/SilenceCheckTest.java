package org.hotline.cases.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAnswered;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.casefile.domain.EscalationHold;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.hotline.cases.escalation.application.BundledLadder;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;
import org.hotline.deadlines.domain.Clock;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.junit.jupiter.api.Test;

class SilenceCheckTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    /** Monday 30 November 2026: acknowledge by Thursday 3 December, answer by Tuesday 22 December. */
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final WorkingCalendar CALENDAR = DeadlineFiles.bundledCalendar();
    private static final StatutoryClocks CLOCKS = new StatutoryClocks(CALENDAR, ALMATY, new Clock(3, 15), Map.of(),
            Map.of());
    private static final SilenceCheck CHECK = new SilenceCheck(BundledLadder.kazakhstan(), CLOCKS, body -> "ru");

    private static Instant noonOn(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ALMATY).toInstant();
    }

    private static Assignment body(String id, String type, String role) {
        return new Assignment(id, type, Map.of("en", id), role, "ru", LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 22), null, false, null, null, null);
    }

    private static CaseFile notified(Circumstances facts, Assignment... bodies) {
        CaseFile file = CaseFile.open(ID).apply(new ComplaintDecided(ID, "HL-1", RECEIVED, "hash", List.of(bodies),
                facts));
        for (Assignment body : bodies) {
            file = file.apply(new BodyNotified(ID, body.authorityId(), RECEIVED.plusSeconds(60), true));
        }
        return file;
    }

    private static CaseFile policeCase() {
        return notified(Circumstances.UNKNOWN, body("kz-39-police", "POLICE", "PRIMARY"),
                body("kz-39-education", "EDUCATION_AUTHORITY", "COPY"));
    }

    @Test
    void remindsEachSilentBodyOnceFromTheDayAfterItsAcknowledgementDeadline() {
        CaseFile file = policeCase();

        assertThat(CHECK.check(file, noonOn(LocalDate.of(2026, 12, 3))).dues()).isEmpty();
        SilenceCheck.Checked dayAfter = CHECK.check(file, noonOn(LocalDate.of(2026, 12, 4)));

        assertThat(dayAfter.dues()).hasSize(2).allSatisfy(due -> assertThat(due).isInstanceOf(Due.ReminderDue.class));
        assertThat(dayAfter.file().assignment("kz-39-police").orElseThrow().remindedAt())
                .isEqualTo(noonOn(LocalDate.of(2026, 12, 4)));
        assertThat(CHECK.check(dayAfter.file(), noonOn(LocalDate.of(2026, 12, 5))).dues()).isEmpty();
    }

    @Test
    void remindsNoBodyThatAcknowledgedOrWasNeverEmailed() {
        CaseFile file = CaseFile.open(ID).apply(new ComplaintDecided(ID, "HL-1", RECEIVED, "hash",
                List.of(body("kz-39-police", "POLICE", "PRIMARY")), Circumstances.UNKNOWN));

        assertThat(CHECK.check(file, noonOn(LocalDate.of(2026, 12, 4))).dues()).isEmpty();
    }

    @Test
    void escalatesASilentPrimaryBodyToItsNextRungWithAnAnswerDeadlineCountedFromTheEscalation() {
        Instant dayAfterAnswerBy = noonOn(LocalDate.of(2026, 12, 23));

        SilenceCheck.Checked checked = CHECK.check(policeCase(), dayAfterAnswerBy);

        assertThat(checked.dues()).filteredOn(Due.EscalationDue.class::isInstance).singleElement()
                .satisfies(due -> {
                    Due.EscalationDue escalation = (Due.EscalationDue) due;
                    assertThat(escalation.from().authorityId()).isEqualTo("kz-39-police");
                    assertThat(escalation.to().authorityId()).isEqualTo("kz-39-prosecutor");
                    assertThat(escalation.to().answerBy())
                            .isEqualTo(CALENDAR.workingDaysAfter(LocalDate.of(2026, 12, 23), 15))
                            .isAfter(LocalDate.of(2027, 1, 7));
                    assertThat(escalation.lastRung()).isFalse();
                });
        assertThat(checked.file().escalations()).containsExactly(new Escalation("kz-39-police", "kz-39-prosecutor",
                dayAfterAnswerBy, Escalation.NO_ANSWER_BY_DEADLINE, List.of()));
        assertThat(checked.file().assignment("kz-39-prosecutor").orElseThrow().role())
                .isEqualTo(Assignment.ESCALATION);
        assertThat(CHECK.check(checked.file(), dayAfterAnswerBy.plusSeconds(3600)).dues()).isEmpty();
    }

    @Test
    void keepsAHeldBodyFromTheLadderUntilTheDayAfterItsHoldButStillRemindsIt() {
        // given the police past both deadlines, held by a caseworker until 8 January
        Instant heldAt = noonOn(LocalDate.of(2026, 12, 21));
        CaseFile held = policeCase().apply(new CaseEvent.EscalationHeld(ID, "kz-39-police",
                new EscalationHold(LocalDate.of(2027, 1, 8), "the answer goes out by post", "dev-staff", heldAt)));

        // when the silence check runs on the last day of the hold, then on the day after
        SilenceCheck.Checked lastDay = CHECK.check(held, noonOn(LocalDate.of(2027, 1, 8)));
        SilenceCheck.Checked dayAfter = CHECK.check(lastDay.file(), noonOn(LocalDate.of(2027, 1, 9)));

        // then the hold keeps the escalation, not the reminders; the day after, the police go up the ladder
        assertThat(lastDay.dues()).isNotEmpty().allSatisfy(due -> assertThat(due).isInstanceOf(Due.ReminderDue.class));
        assertThat(lastDay.file().escalations()).isEmpty();
        assertThat(dayAfter.dues()).filteredOn(Due.EscalationDue.class::isInstance).singleElement()
                .satisfies(due -> assertThat(((Due.EscalationDue) due).to().authorityId())
                        .isEqualTo("kz-39-prosecutor"));
    }

    @Test
    void escalatesABodyACaseworkerAskedAboutAtTheNextCheckBeforeItsDeadlineAndDespiteAHold() {
        // given the police, told on 30 November, held until 8 January and then asked about on 7 December
        Instant askedAt = noonOn(LocalDate.of(2026, 12, 7));
        CaseFile asked = policeCase()
                .apply(new CaseEvent.EscalationHeld(ID, "kz-39-police", new EscalationHold(LocalDate.of(2027, 1, 8),
                        "a promise by phone", "dev-staff", askedAt.minusSeconds(3600))))
                .apply(new CaseEvent.EscalationRequested(ID, "kz-39-police", new EscalationRequest(
                        "The police refused to register it.", "dev-staff", askedAt)));

        // when the silence check runs a minute later, fifteen days before the police's answer deadline
        SilenceCheck.Checked checked = CHECK.check(asked, askedAt.plusSeconds(60));

        // then the case goes to the prosecutor once, as a caseworker's decision, with deadlines from today
        assertThat(checked.dues()).filteredOn(Due.EscalationDue.class::isInstance).singleElement()
                .satisfies(due -> {
                    Due.EscalationDue escalation = (Due.EscalationDue) due;
                    assertThat(escalation.from().request()).isNotNull();
                    assertThat(escalation.to().authorityId()).isEqualTo("kz-39-prosecutor");
                    assertThat(escalation.to().answerBy())
                            .isEqualTo(CALENDAR.workingDaysAfter(LocalDate.of(2026, 12, 7), 15));
                });
        assertThat(checked.file().escalations()).singleElement()
                .extracting(Escalation::reason).isEqualTo(Escalation.CASEWORKER_DECISION);
        assertThat(CHECK.check(checked.file(), askedAt.plusSeconds(3600)).dues()).isEmpty();
    }

    @Test
    void leavesARequestAboutACopyOrABodyThatAnsweredMeanwhileWithoutAStep() {
        // given a request about the copy, and one about the police, who then answer before the check
        Instant askedAt = noonOn(LocalDate.of(2026, 12, 7));
        CaseFile file = policeCase()
                .apply(new CaseEvent.EscalationRequested(ID, "kz-39-education", new EscalationRequest("slow",
                        "dev-staff", askedAt)))
                .apply(new CaseEvent.EscalationRequested(ID, "kz-39-police", new EscalationRequest("refused",
                        "dev-staff", askedAt)))
                .apply(new BodyAnswered(ID, "kz-39-police", askedAt.plusSeconds(10), new Answer(
                        AnswerOutcome.ACCEPTED_FOR_CONSIDERATION, null, null, null, null, Answer.BY_BODY)));

        // when the check runs
        SilenceCheck.Checked checked = CHECK.check(file, askedAt.plusSeconds(60));

        // then nothing goes up the ladder (the copy, silent, is only reminded)
        assertThat(checked.dues()).isNotEmpty().allSatisfy(due -> assertThat(due).isInstanceOf(Due.ReminderDue.class));
        assertThat(checked.file().escalations()).isEmpty();
    }

    @Test
    void escalatesAtTheNextCheckOnceAHoldIsLifted() {
        // given a hold until 8 January, lifted on 4 January with the police past their deadline
        CaseFile lifted = policeCase()
                .apply(new CaseEvent.EscalationHeld(ID, "kz-39-police", new EscalationHold(LocalDate.of(2027, 1, 8),
                        "a promise by phone", "dev-staff", noonOn(LocalDate.of(2026, 12, 21)))))
                .apply(new CaseEvent.EscalationHeld(ID, "kz-39-police", new EscalationHold(null,
                        "the promise was not kept", "dev-staff", noonOn(LocalDate.of(2027, 1, 4)))));

        // when
        SilenceCheck.Checked checked = CHECK.check(lifted, noonOn(LocalDate.of(2027, 1, 4)));

        // then
        assertThat(checked.file().escalations()).extracting(Escalation::fromAuthorityId)
                .containsExactly("kz-39-police");
    }

    @Test
    void givesTheRungTheLanguageTheDirectoryWritesToItIn() {
        SilenceCheck check = new SilenceCheck(BundledLadder.kazakhstan(), CLOCKS,
                body -> body.equals("kz-39-prosecutor") ? "kk" : "ru");

        SilenceCheck.Checked checked = check.check(policeCase(), noonOn(LocalDate.of(2026, 12, 23)));

        assertThat(checked.file().assignment("kz-39-prosecutor").orElseThrow().language()).isEqualTo("kk");
    }

    @Test
    void doesNotEscalateABodyThatWasOnlySentACopy() {
        SilenceCheck.Checked checked = CHECK.check(policeCase(), noonOn(LocalDate.of(2026, 12, 23)));

        assertThat(checked.file().escalations()).extracting(Escalation::fromAuthorityId)
                .doesNotContain("kz-39-education");
    }

    @Test
    void skipsARungAlreadyToldOfTheComplaint() {
        CaseFile file = notified(Circumstances.UNKNOWN, body("kz-39-police", "POLICE", "PRIMARY"),
                body("kz-39-prosecutor", "PROSECUTOR", "COPY"));

        CaseFile checked = CHECK.check(file, noonOn(LocalDate.of(2026, 12, 23))).file();

        assertThat(checked.escalations()).singleElement().satisfies(step -> {
            assertThat(step.toAuthorityId()).isEqualTo("kz-prosecutor");
            assertThat(step.skipped()).containsExactly(new Escalation.Skipped("kz-39-prosecutor", "already-told"));
        });
    }

    @Test
    void skipsARungThatOverseesTheAccusedAndRecordsWhy() {
        SilenceCheck check = new SilenceCheck(BundledLadder.of("""
                lastRung: { authorityId: kz-ombudsman, authorityType: OMBUDSMAN }
                ladders:
                  - body: "kz-{region}-{district}-akimat"
                    rungs:
                      - { authorityId: "kz-{region}-{district}-education", authorityType: EDUCATION_AUTHORITY }
                      - { authorityId: "kz-{region}-education", authorityType: EDUCATION_AUTHORITY }
                conflicts:
                  - id: district-department-oversees-the-head
                    rung: "kz-{region}-{district}-education"
                    when:
                      - { sectors: [PUBLIC], workplaceTypes: [SCHOOL], accusedRoles: [HEAD_OF_ORGANIZATION] }
                    reason: The district department appoints the head.
                """), CLOCKS, body -> "ru");
        CaseFile file = notified(new Circumstances("PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true),
                body("kz-39-391010000-akimat", "TRIAGE", "PRIMARY"));

        CaseFile checked = check.check(file, noonOn(LocalDate.of(2026, 12, 23))).file();

        assertThat(checked.escalations()).singleElement().satisfies(step -> {
            assertThat(step.toAuthorityId()).isEqualTo("kz-39-education");
            assertThat(step.skipped()).containsExactly(new Escalation.Skipped("kz-39-391010000-education",
                    "district-department-oversees-the-head"));
        });
        assertThat(checked.assignment("kz-39-391010000-education")).isEmpty();
    }

    @Test
    void climbsOneRungPerSilenceAndMarksTheCaseForADossierWhenTheLastRungStaysSilent() {
        CaseFile file = policeCase();
        Instant at = noonOn(LocalDate.of(2026, 12, 23));
        List<String> told = new java.util.ArrayList<>();
        boolean exhausted = false;
        for (int step = 0; step < 6 && !exhausted; step++) {
            SilenceCheck.Checked checked = CHECK.check(file, at);
            for (Due due : checked.dues()) {
                if (due instanceof Due.EscalationDue escalation) {
                    told.add(escalation.to().authorityId() + (escalation.lastRung() ? " (last)" : ""));
                }
                exhausted |= due instanceof Due.LadderExhausted;
            }
            file = checked.file();
            at = noonOn(CALENDAR.workingDaysAfter(LocalDate.ofInstant(at, ALMATY), 16));
        }

        assertThat(told).containsExactly("kz-39-prosecutor", "kz-prosecutor", "kz-ombudsman (last)");
        assertThat(exhausted).isTrue();
        assertThat(file.state(LocalDate.ofInstant(at, ALMATY))).isEqualTo(CaseState.ESCALATION_EXHAUSTED);
        assertThat(CHECK.check(file, at.plusSeconds(86_400 * 30)).dues())
                .noneMatch(due -> due instanceof Due.EscalationDue || due instanceof Due.LadderExhausted);
    }

    @Test
    void aCaseEscalatedPastASilentBodyIsEscalatedUntilTheRungIsLateAndAClosedCaseIsDueNothing() {
        // given the police escalated past on 23 December, and the copy to education answered
        CaseFile file = notified(Circumstances.UNKNOWN, body("kz-39-police", "POLICE", "PRIMARY"));
        Instant dayAfterAnswerBy = noonOn(LocalDate.of(2026, 12, 23));
        CaseFile escalated = CHECK.check(file, dayAfterAnswerBy).file();

        // then the police are ESCALATED (still silent, but handled) and the case is ESCALATED while the rung's clock
        // runs, OVERDUE once the rung is late
        assertThat(escalated.assignment("kz-39-police").orElseThrow().state(LocalDate.of(2026, 12, 24)))
                .isEqualTo(AssignmentState.ESCALATED);
        escalated = escalated.apply(new BodyNotified(ID, "kz-39-prosecutor", dayAfterAnswerBy.plusSeconds(60), true));
        assertThat(escalated.state(LocalDate.of(2026, 12, 24))).isEqualTo(CaseState.ESCALATED);
        assertThat(escalated.state(LocalDate.of(2027, 2, 1))).isEqualTo(CaseState.OVERDUE);
        assertThat(escalated.apply(new BodyAnswered(ID, "kz-39-prosecutor", dayAfterAnswerBy.plusSeconds(86_400),
                new Answer(AnswerOutcome.MEASURES_TAKEN, null, null, null, null, Answer.BY_BODY)))
                .state(LocalDate.of(2027, 2, 1))).as("the rung answered").isEqualTo(CaseState.ANSWERED);

        // when a caseworker closes it
        CaseFile closed = escalated.apply(new CaseEvent.CaseClosed(ID, new Closure(dayAfterAnswerBy.plusSeconds(7200),
                ClosureReason.REFERRED_ELSEWHERE, "staff")));

        // then it is closed, the first closure stands, and no later silence is reminded or escalated
        assertThat(closed.state(LocalDate.of(2027, 2, 1))).isEqualTo(CaseState.CLOSED);
        assertThat(closed.apply(new CaseEvent.CaseClosed(ID, new Closure(dayAfterAnswerBy.plusSeconds(9000),
                ClosureReason.RESOLVED, "other"))).closure()).isEqualTo(closed.closure());
        assertThat(CHECK.check(closed, noonOn(LocalDate.of(2027, 6, 1))).dues()).isEmpty();
        assertThat(CHECK.check(escalated, noonOn(LocalDate.of(2027, 6, 1))).dues()).isNotEmpty();
    }

    @Test
    void neitherRemindsNorEscalatesABodyThatAnsweredWithoutAcknowledging() {
        CaseFile answered = policeCase()
                .apply(new BodyAnswered(ID, "kz-39-police", noonOn(LocalDate.of(2026, 12, 2)), new Answer(
                        AnswerOutcome.REFUSED, null, "Not within our competence", null, null, Answer.BY_CASEWORKER)))
                .apply(new BodyAnswered(ID, "kz-39-education", noonOn(LocalDate.of(2026, 12, 2)), new Answer(
                        AnswerOutcome.ACCEPTED_FOR_CONSIDERATION, null, null, null, null, Answer.BY_BODY)));

        SilenceCheck.Checked afterBothDeadlines = CHECK.check(answered, noonOn(LocalDate.of(2027, 2, 1)));

        assertThat(afterBothDeadlines.dues()).isEmpty();
        assertThat(afterBothDeadlines.file()).isEqualTo(answered);
        assertThat(afterBothDeadlines.file().state(LocalDate.of(2027, 2, 1))).isEqualTo(CaseState.ANSWERED);
    }

    @Test
    void stopsEscalatingABodyThatAnswersAfterItWasReminded() {
        SilenceCheck.Checked reminded = CHECK.check(policeCase(), noonOn(LocalDate.of(2026, 12, 4)));
        CaseFile answered = reminded.file().apply(new BodyAnswered(ID, "kz-39-police",
                noonOn(LocalDate.of(2026, 12, 20)), new Answer(AnswerOutcome.FORWARDED, "Prosecutor's office",
                        null, "5-1/12", LocalDate.of(2026, 12, 19), Answer.BY_BODY)));

        assertThat(CHECK.check(answered, noonOn(LocalDate.of(2026, 12, 23))).dues()).isEmpty();
    }
}
