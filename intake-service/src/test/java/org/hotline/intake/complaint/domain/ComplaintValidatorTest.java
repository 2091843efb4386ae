package org.hotline.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final ComplaintValidator validator = new ComplaintValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsTheKostanaySchoolCaseWithEveryFactRoutingNeeds() {
        Complaint complaint = validator.validate(Forms.kostanaySchool());

        assertThat(complaint.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(complaint.incident().categories()).containsExactly(Category.SEXUAL_HARASSMENT, Category.EXTORTION);
        assertThat(complaint.location().region()).isEqualTo("KZ-39");
        assertThat(complaint.location().regionKnown()).isTrue();
        assertThat(complaint.location().districtCode()).isEqualTo("392410000");
        assertThat(complaint.workplace().type()).isEqualTo(WorkplaceType.SCHOOL);
        assertThat(complaint.accused().role()).isEqualTo(AccusedRole.HEAD_OF_ORGANIZATION);
        assertThat(complaint.accused().publicOfficial()).isTrue();
        assertThat(complaint.complainant().mode()).isEqualTo(ComplainantMode.CONFIDENTIAL);
        assertThat(complaint.complainant().preferredLanguage()).isEqualTo(Language.RU);
    }

    @Test
    void normalisesARetiredKazakhRegionCodeAndKeepsWhatWasSent() {
        ComplaintForm form = withLocation(Forms.kostanaySchool(),
                new ComplaintForm.Location("KZ", "KZ-KUS", "391010000", null));

        Complaint complaint = validator.validate(form);

        assertThat(complaint.location().region()).isEqualTo("KZ-39");
        assertThat(complaint.location().regionAsSubmitted()).isEqualTo("KZ-KUS");
    }

    @Test
    void keepsTheSubmittedRegionEmptyWhenTheCodeWasAlreadyCurrent() {
        Complaint complaint = validator.validate(Forms.almatyAnalyst());

        assertThat(complaint.location().region()).isEqualTo("KZ-75");
        assertThat(complaint.location().regionAsSubmitted()).isNull();
    }

    @Test
    void acceptsAnyCountryAndTakesItsRegionAsFreeText() {
        ComplaintForm form = withLocation(Forms.almatyAnalyst(),
                new ComplaintForm.Location("DE", "Bavaria", "anything", "Munich"));

        Complaint complaint = validator.validate(form);

        assertThat(complaint.location().country()).isEqualTo("DE");
        assertThat(complaint.location().region()).isEqualTo("Bavaria");
        assertThat(complaint.location().regionKnown()).isFalse();
    }

    @Test
    void refusesADistrictOutsideItsRegion() {
        ComplaintForm form = withLocation(Forms.kostanaySchool(),
                new ComplaintForm.Location("KZ", "KZ-39", "751010000", null));

        assertThat(violations(form)).extracting(FieldViolation::field).containsExactly("location.districtCode");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        ComplaintForm form = new ComplaintForm("FAX", "de",
                new ComplaintForm.Incident(List.of(), " ", "2999-01-01", null),
                new ComplaintForm.Location("KZ", "KZ-99", "12", null),
                null, null, null, null,
                new ComplaintForm.Complainant("OPEN", null, "not-an-email", null, null, null));

        assertThat(violations(form)).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "channel", "language", "incident.categories", "incident.description", "incident.occurredOn",
                "location.region", "location.districtCode", "complainant.email");
    }

    @Test
    void acceptsAnIncidentDatedTodayAnywhereOnEarth() {
        ComplaintForm form = withIncident(Forms.almatyAnalyst(), "2026-11-25");

        assertThat(validator.validate(form).incident().occurredOn()).hasToString("2026-11-25");
    }

    @Test
    void refusesAnIncidentDatedTheDayAfterTomorrow() {
        ComplaintForm form = withIncident(Forms.almatyAnalyst(), "2026-11-26");

        assertThat(violations(form)).extracting(FieldViolation::field).containsExactly("incident.occurredOn");
    }

    @Test
    void normalisesTextToNfcAndStripsControlAndBidiCharacters() {
        String decomposed = "Дире\u0438\u0306 \u202Eevil\u202C\u0007 school";
        ComplaintForm form = withDescription(Forms.almatyAnalyst(), "line one\r\nline two\u0000 " + decomposed);

        Complaint complaint = validator.validate(form);

        assertThat(complaint.incident().description()).isEqualTo("line one\nline two Дирей evil school");
    }

    @Test
    void countsDescriptionLengthInCharactersNotBytes() {
        String tenThousandKazakhLetters = "ә".repeat(ComplaintValidator.MAX_DESCRIPTION_LENGTH);

        assertThat(validator.validate(withDescription(Forms.almatyAnalyst(), tenThousandKazakhLetters))
                .incident().description()).hasSize(ComplaintValidator.MAX_DESCRIPTION_LENGTH);
        assertThat(violations(withDescription(Forms.almatyAnalyst(), tenThousandKazakhLetters + "ә")))
                .extracting(FieldViolation::field).containsExactly("incident.description");
    }

    @Test
    void letsAnAnonymousComplainantLeaveNoContact() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("ANONYMOUS", null, null, null, null, null));

        Complaint complaint = validator.validate(form);

        assertThat(complaint.complainant().mode()).isEqualTo(ComplainantMode.ANONYMOUS);
        assertThat(complaint.complainant().preferredLanguage()).isEqualTo(Language.EN);
        assertThat(complaint.complainant().consentToContact()).isFalse();
    }

    @Test
    void refusesAnAnonymousComplaintThatNamesItsComplainantAndSaysWhy() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("ANONYMOUS", "Dana", "dana@example.org", "+7 701 123 4567", "en", true));

        assertThatThrownBy(() -> validator.validate(form))
                .isInstanceOfSatisfying(IdentityInAnonymousComplaintException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field)
                            .containsExactly("complainant.name", "complainant.email", "complainant.phone");
                    assertThat(e.violations()).allSatisfy(violation -> assertThat(violation.problem())
                            .contains("ANONYMOUS", "left out", "CONFIDENTIAL", "OPEN"));
                });
    }

    @Test
    void refusesAnAnonymousComplaintWithOnlyAMalformedEmailForItsModeNotItsFormat() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("ANONYMOUS", null, "dana", null, null, null));

        assertThatThrownBy(() -> validator.validate(form))
                .isInstanceOfSatisfying(IdentityInAnonymousComplaintException.class, e -> assertThat(e.violations())
                        .singleElement().extracting(FieldViolation::problem)
                        .isEqualTo(ComplaintValidator.ANONYMOUS_CARRIES_NO_IDENTITY));
    }

    @Test
    void treatsABlankIdentityFieldOfAnAnonymousComplaintAsLeftOut() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("ANONYMOUS", " ", "", "\u200F", null, null));

        assertThat(validator.validate(form).complainant().email()).isNull();
    }

    @Test
    void listsTheIdentityOfAnAnonymousComplaintAmongTheOtherViolationsOfAnInvalidForm() {
        ComplaintForm anonymousNamed = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("ANONYMOUS", "Dana", null, null, null, null));
        ComplaintForm alsoUndated = withIncident(anonymousNamed, "01.03.2024");

        assertThatThrownBy(() -> validator.validate(alsoUndated))
                .isExactlyInstanceOf(InvalidComplaintException.class);
        assertThat(violations(alsoUndated)).extracting(FieldViolation::field)
                .containsExactly("incident.occurredOn", "complainant.name");
    }

    @Test
    void requiresAWayToReachAConfidentialComplainant() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("CONFIDENTIAL", "Dana", null, null, "ru", true));

        assertThat(violations(form)).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("complainant");
            assertThat(violation.problem()).contains("email or a phone");
        });
    }

    @Test
    void neverEchoesTheRejectedValueInAViolation() {
        ComplaintForm form = withComplainant(Forms.almatyAnalyst(),
                new ComplaintForm.Complainant("OPEN", "Dana", "dana-at-secret-mail", "call me 555", "en", true));

        assertThat(violations(form)).extracting(FieldViolation::problem)
                .noneMatch(problem -> problem.contains("secret-mail") || problem.contains("555"));
    }

    @Test
    void dropsRepeatedCategories() {
        ComplaintForm base = Forms.almatyAnalyst();
        ComplaintForm form = new ComplaintForm(base.channel(), base.language(),
                new ComplaintForm.Incident(List.of("EXTORTION", "EXTORTION"), "text", null, null),
                base.location(), base.workplace(), base.accused(), base.victim(), base.risk(), base.complainant());

        assertThat(validator.validate(form).incident().categories()).containsExactly(Category.EXTORTION);
    }

    @Test
    void keepsTheComplainantsIdentityOutOfToString() {
        Complaint complaint = validator.validate(Forms.almatyAnalyst());

        assertThat(complaint.toString()).doesNotContain("dana@example.org").doesNotContain("Dana");
    }

    private List<FieldViolation> violations(ComplaintForm form) {
        try {
            validator.validate(form);
        } catch (InvalidComplaintException e) {
            return e.violations();
        }
        assertThatThrownBy(() -> validator.validate(form)).isInstanceOf(InvalidComplaintException.class);
        return List.of();
    }

    private static ComplaintForm withLocation(ComplaintForm base, ComplaintForm.Location location) {
        return new ComplaintForm(base.channel(), base.language(), base.incident(), location, base.workplace(),
                base.accused(), base.victim(), base.risk(), base.complainant());
    }

    private static ComplaintForm withComplainant(ComplaintForm base, ComplaintForm.Complainant complainant) {
        return new ComplaintForm(base.channel(), base.language(), base.incident(), base.location(),
                base.workplace(), base.accused(), base.victim(), base.risk(), complainant);
    }

    private static ComplaintForm withIncident(ComplaintForm base, String occurredOn) {
        ComplaintForm.Incident incident = base.incident();
        return new ComplaintForm(base.channel(), base.language(),
                new ComplaintForm.Incident(incident.categories(), incident.description(), occurredOn,
                        incident.ongoing()),
                base.location(), base.workplace(), base.accused(), base.victim(), base.risk(), base.complainant());
    }

    private static ComplaintForm withDescription(ComplaintForm base, String description) {
        ComplaintForm.Incident incident = base.incident();
        return new ComplaintForm(base.channel(), base.language(),
                new ComplaintForm.Incident(incident.categories(), description, incident.occurredOn(),
                        incident.ongoing()),
                base.location(), base.workplace(), base.accused(), base.victim(), base.risk(), base.complainant());
    }
}
