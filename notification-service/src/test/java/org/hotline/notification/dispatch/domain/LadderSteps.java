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
                REFERENCE, Instant.parse("2026-12-23T00:00:05Z"), DISTRICT, to, 1, false, "NO_ANSWER_BY_DEADLINE",
                LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-15"),
                List.of(new LadderStep.Skipped("kz-39-akimat", "oversees-accused")), List.of(districtHistory()),
                new LadderStep.CaseSummary(Instant.parse("2026-11-30T09:10:00Z"), List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                        "KZ-39", "PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, false, false));
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
                new LadderStep.CaseSummary(Instant.parse("2026-11-30T09:10:00Z"), List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                        "KZ-39", "PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, true, false));
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
                        "ABCD-EFGH-JKLM-NPQR", false), "PRIMARY");
    }

    /** The same news for another complainant block. */
    public static LadderStep.ComplainantUpdate withComplainant(LadderStep.ComplainantUpdate step,
            RoutedComplaint.Complainant complainant) {
        return new LadderStep.ComplainantUpdate(step.eventId(), step.complaintId(), step.reference(),
                step.occurredAt(), step.update(), step.authorityId(), step.authorityName(), step.answerBy(),
                step.registrationNumber(), step.outcome(), step.forwardedTo(), step.reason(), step.toAuthorityId(),
                step.toAuthorityName(), step.toAnswerBy(), step.mode(), complainant, step.role());
    }

    private static LadderStep.HistoryEntry districtHistory() {
        return new LadderStep.HistoryEntry(DISTRICT, "PRIMARY", Instant.parse("2026-11-30T09:12:00Z"), false,
                LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-22"), Instant.parse("2026-12-04T00:00:05Z"),
                null, null, null, Instant.parse("2026-12-23T00:00:05Z"), false);
    }
}
