package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ladder steps and a small directory for the tests: a district education department's complaint escalated. */
public final class LadderSteps {

    public static final UUID COMPLAINT = UUID.fromString("3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33");
    public static final String REFERENCE = "HL-7F3K-9QX2-ABCD";
    public static final String DISTRICT = "kz-39-391600000-education";
    public static final String REGION = "kz-39-education";
    public static final String PROSECUTOR = "kz-39-prosecutor";
    /** Why the caseworkers did not wait for the district, as one of them wrote it. */
    public static final String DECISION_NOTE = "Отдел отказался регистрировать жалобу по телефону и предложил "
            + "заявительнице договориться с директором школы.";

    public static final Directory DIRECTORY = new Directory(List.of(
            new Authority(DISTRICT, "EDUCATION_AUTHORITY", Map.of(Language.KK, "Қостанай ауданының білім бөлімі",
                    Language.RU, "Отдел образования Костанайского района", Language.EN,
                    "Kostanay district education department"), "district.education@authority.example", Language.KK),
            new Authority(REGION, "EDUCATION_AUTHORITY", Map.of(Language.KK, "Қостанай облысының білім басқармасы",
                    Language.RU, "Управление образования Костанайской области", Language.EN,
                    "Kostanay region education department"), "region.education@authority.example", Language.RU),
            new Authority(PROSECUTOR, "PROSECUTOR", Map.of(Language.KK, "Қостанай облысының прокуратурасы",
                    Language.RU, "Прокуратура Костанайской области", Language.EN,
                    "Kostanay region prosecutor's office"), "region.prosecutor@authority.example", Language.RU)));

    private LadderSteps() {
    }

    public static LadderStep.Reminder reminder() {
        return new LadderStep.Reminder(UUID.fromString("11111111-1111-3111-8111-111111111111"), COMPLAINT,
                REFERENCE, Instant.parse("2026-12-04T00:00:05Z"), DISTRICT, "PRIMARY",
                Instant.parse("2026-11-30T09:12:00Z"), LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-22"));
    }

    public static LadderStep.Escalation escalation(String to) {
        return new LadderStep.Escalation(UUID.fromString("22222222-2222-3222-8222-222222222222"), COMPLAINT,
                REFERENCE, Instant.parse("2026-12-23T00:00:05Z"), DISTRICT, to, 1, false,
                LadderStep.Escalation.NO_ANSWER_BY_DEADLINE, null, LocalDate.parse("2026-12-28"),
                LocalDate.parse("2027-01-15"), List.of(new LadderStep.Skipped("kz-39-akimat", "oversees-accused")),
                List.of(districtHistory()), summary());
    }

    /**
     * The caseworkers decided on 7 December not to wait for the district, whose answer was due by 22 December, and
     * sent the case up to {@code to} (EscalationDue v2).
     */
    public static LadderStep.Escalation caseworkerDecision(String to) {
        LadderStep.HistoryEntry district = new LadderStep.HistoryEntry(DISTRICT, "PRIMARY",
                Instant.parse("2026-11-30T09:12:00Z"), false, LocalDate.parse("2026-12-03"),
                LocalDate.parse("2026-12-22"), null, Instant.parse("2026-12-01T04:00:00Z"), "ЖТ-2026/01234", null,
                Instant.parse("2026-12-07T06:25:00Z"), false);
        return new LadderStep.Escalation(UUID.fromString("55555555-5555-3555-8555-555555555555"), COMPLAINT,
                REFERENCE, Instant.parse("2026-12-07T06:25:00Z"), DISTRICT, to, 1, false,
                LadderStep.Escalation.CASEWORKER_DECISION,
                new LadderStep.Decision(DECISION_NOTE, Instant.parse("2026-12-07T06:20:00Z")),
                LocalDate.parse("2026-12-08"), LocalDate.parse("2027-01-04"),
                List.of(new LadderStep.Skipped("kz-39-akimat", "oversees-accused")), List.of(district), summary());
    }

    public static LadderStep.Exhausted exhausted() {
        return exhausted(PROSECUTOR);
    }

    /** The ladder of the complaint's primary body ended at {@code lastSilent}, which stayed silent too. */
    public static LadderStep.Exhausted exhausted(String lastSilent) {
        return new LadderStep.Exhausted(UUID.fromString("33333333-3333-3333-8333-333333333333"), COMPLAINT,
                REFERENCE, Instant.parse("2027-02-20T00:00:05Z"), lastSilent, List.of(),
                List.of(districtHistory(), new LadderStep.HistoryEntry(REGION, "ESCALATION",
                        Instant.parse("2026-12-23T00:01:00Z"), false, LocalDate.parse("2026-12-28"),
                        LocalDate.parse("2027-01-15"), null, Instant.parse("2026-12-24T05:00:00Z"), "ОБ-2026-4471",
                        null, Instant.parse("2027-01-16T00:00:05Z"), false)),
                new LadderStep.CaseSummary(Instant.parse("2026-11-30T09:10:00Z"), List.of("SEXUAL_HARASSMENT",
                        "EXTORTION"), "KZ-39", "PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, true, false));
    }

    /** News for a complainant who wrote in {@code language}, with or without consent to be contacted. */
    public static LadderStep.ComplainantUpdate complainantUpdate(String update, Language language, boolean consent,
            ComplainantMode mode) {
        boolean escalated = LadderStep.ComplainantUpdate.ESCALATED.equals(update);
        boolean answered = LadderStep.ComplainantUpdate.ANSWERED.equals(update);
        return new LadderStep.ComplainantUpdate(UUID.fromString("44444444-4444-3444-8444-444444444444"), COMPLAINT,
                REFERENCE, Instant.parse("2026-12-02T04:30:00Z"), update, DISTRICT,
                Map.of(Language.RU, "Отдел образования Костанайского района"), LocalDate.parse("2026-12-22"),
                escalated ? null : "ЖТ-2026/01234", answered ? "FORWARDED" : null,
                answered ? "Прокуратура Костанайской области" : null, null, escalated ? REGION : null, Map.of(),
                escalated ? LocalDate.parse("2027-01-15") : null, mode,
                new RoutedComplaint.Complainant("Айгуль", "aigul@mail.example", null, language, consent,
                        "ABCD-EFGH-JKLM-NPQR", false), "PRIMARY",
                escalated ? LadderStep.Escalation.NO_ANSWER_BY_DEADLINE : null);
    }

    /** The complainant is told that the caseworkers did not wait for the district (which never sends the note). */
    public static LadderStep.ComplainantUpdate escalatedOnCaseworkersDecision(Language language) {
        LadderStep.ComplainantUpdate step = complainantUpdate(LadderStep.ComplainantUpdate.ESCALATED, language, true,
                ComplainantMode.CONFIDENTIAL);
        return new LadderStep.ComplainantUpdate(step.eventId(), step.complaintId(), step.reference(),
                Instant.parse("2026-12-07T06:25:00Z"), step.update(), step.authorityId(), step.authorityName(),
                step.answerBy(), step.registrationNumber(), step.outcome(), step.forwardedTo(), step.reason(),
                step.toAuthorityId(), step.toAuthorityName(), LocalDate.parse("2027-01-04"), step.mode(),
                step.complainant(), step.role(), LadderStep.Escalation.CASEWORKER_DECISION);
    }

    /** The same news for another complainant block. */
    public static LadderStep.ComplainantUpdate withComplainant(LadderStep.ComplainantUpdate step,
            RoutedComplaint.Complainant complainant) {
        return new LadderStep.ComplainantUpdate(step.eventId(), step.complaintId(), step.reference(),
                step.occurredAt(), step.update(), step.authorityId(), step.authorityName(), step.answerBy(),
                step.registrationNumber(), step.outcome(), step.forwardedTo(), step.reason(), step.toAuthorityId(),
                step.toAuthorityName(), step.toAnswerBy(), step.mode(), complainant, step.role(),
                step.escalationReason());
    }

    private static LadderStep.CaseSummary summary() {
        return new LadderStep.CaseSummary(Instant.parse("2026-11-30T09:10:00Z"), List.of("SEXUAL_HARASSMENT",
                "EXTORTION"), "KZ-39", "PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, false, false);
    }

    private static LadderStep.HistoryEntry districtHistory() {
        return new LadderStep.HistoryEntry(DISTRICT, "PRIMARY", Instant.parse("2026-11-30T09:12:00Z"), false,
                LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-22"), Instant.parse("2026-12-04T00:00:05Z"),
                null, null, null, Instant.parse("2026-12-23T00:00:05Z"), false);
    }
}
