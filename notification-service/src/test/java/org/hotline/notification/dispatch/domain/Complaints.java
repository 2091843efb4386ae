package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Routed complaints for domain tests. */
public final class Complaints {

    public static final NgoContact NGO = new NgoContact(
            Map.of(Language.KK, "Сенім желісі", Language.RU, "Линия доверия", Language.EN, "Trust line"),
            "hotline@ngo.example", "+7 700 000 00 00", "caseworkers@ngo.example", Language.RU,
            "notifications@ngo.example");

    /** The names of the places the test complaints and cases are in, as the sample units.yml gives them. */
    public static final Places PLACES = new Places(Map.of(
            "KZ", Map.of(Language.KK, "Қазақстан Республикасы", Language.RU, "Республика Казахстан", Language.EN,
                    "Republic of Kazakhstan"),
            "KZ-39", Map.of(Language.KK, "Қостанай облысы", Language.RU, "Костанайская область", Language.EN,
                    "Kostanay Region")));

    private Complaints() {
    }

    /** Dated as routing dates it for a complaint received on Tuesday 24 November 2026. */
    public static Assignment antiCorruption() {
        return new Assignment("kz-39-anti-corruption", "ANTI_CORRUPTION", AssignmentRole.PRIMARY,
                "extortion-by-public-official", "Extortion by a public official is a corruption offence.",
                Map.of(Language.KK, "Сыбайлас жемқорлыққа қарсы қызмет", Language.RU, "Антикоррупционная служба",
                        Language.EN, "Anti-corruption service"),
                "anticorruption@authority.example", Language.RU, 15, Map.of(), LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 15));
    }

    /** The same body as a decision from before routing dated its assignments names it. */
    public static Assignment undated(Assignment dated) {
        return withDates(dated, null, null);
    }

    /** The same body with these dates to acknowledge and to answer. */
    public static Assignment withDates(Assignment body, @Nullable LocalDate acknowledgeBy,
            @Nullable LocalDate answerBy) {
        return new Assignment(body.authorityId(), body.authorityType(), body.role(), body.ruleId(), body.reason(),
                body.names(), body.contactEmail(), body.correspondenceLanguage(), body.answerDeadlineWorkingDays(),
                body.reasonTranslations(), acknowledgeBy, answerBy);
    }

    public static Assignment labourInspection() {
        return new Assignment("kz-39-labour", "LABOUR_INSPECTION", AssignmentRole.COPY, "workplace-harassment",
                "Harassment at work concerns the labour inspectorate.",
                Map.of(Language.KK, "Еңбек инспекциясы", Language.RU, "Трудовая инспекция", Language.EN,
                        "Labour inspectorate"),
                "labour@authority.example", Language.KK, null);
    }

    public static RoutedComplaint complaint(ComplainantMode mode, RoutedComplaint.Complainant complainant,
            Assignment... assignments) {
        return new RoutedComplaint(UUID.randomUUID(), UUID.fromString("0f6c1c1e-1111-4a4a-9a9a-123456789abc"),
                "HL-7F3K-9QX2-ABCD", Instant.parse("2026-11-24T05:06:40Z"), false, "kz-sample-2026.11@3f2a9c1e",
                List.of(assignments),
                new RoutedComplaint.Incident(List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                        "The director demanded money.", LocalDate.parse("2011-05-20"), true),
                new RoutedComplaint.Place("KZ", "KZ-39", null, "Pertsevka"),
                new RoutedComplaint.Workplace("PUBLIC", "SCHOOL", "Secondary school No. 1"),
                new RoutedComplaint.Accused("HEAD_OF_ORGANIZATION", true), false, false, mode, complainant);
    }

    /** The same decision about another complaint: its messages have other ids. */
    public static RoutedComplaint another(RoutedComplaint complaint, String complaintId, String reference) {
        return new RoutedComplaint(UUID.randomUUID(), UUID.fromString(complaintId), reference,
                complaint.receivedAt(), complaint.fallback(), complaint.rulesVersion(), complaint.assignments(),
                complaint.incident(), complaint.place(), complaint.workplace(), complaint.accused(),
                complaint.victimMinor(), complaint.immediateDanger(), complaint.mode(), complaint.complainant());
    }

    public static RoutedComplaint.Complainant aigerim(boolean consent) {
        return new RoutedComplaint.Complainant("Айгерим Сапарова", "aigerim@mail.example", "+7 701 111 22 33",
                Language.KK, consent, "ABCD-EFGH-JKLM-NPQR", false);
    }
}
