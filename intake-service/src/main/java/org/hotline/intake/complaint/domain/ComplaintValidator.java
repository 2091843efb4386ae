package org.hotline.intake.complaint.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link ComplaintForm} against the public API's rules and builds the normalised {@link Complaint}.
 * It reports every violation at once, so a hotline operator fixes a form in one round trip.
 */
public final class ComplaintValidator {

    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_SHORT_TEXT_LENGTH = 300;
    static final String ANONYMOUS_CARRIES_NO_IDENTITY = "must be left out: an ANONYMOUS complaint carries no "
            + "name, email or phone, so that nobody, the hotline included, can learn or mail who sent it; choose "
            + "CONFIDENTIAL to be reached through the NGO only, or OPEN to share these details with the bodies";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{7,25}");
    private static final Pattern KATO = Pattern.compile("[0-9]{9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** The earliest time zone on Earth: a date that is already today somewhere is not "in the future". */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final Clock clock;

    public ComplaintValidator(Clock clock) {
        this.clock = clock;
    }

    public Complaint validate(ComplaintForm form) {
        Check check = new Check();
        Channel channel = check.required("channel", form.channel(), Channel.class);
        Language language = check.requiredLanguage("language", form.language());
        Complaint.Incident incident = incident(check, form.incident());
        Complaint.Location location = location(check, form.location());
        Complaint.Workplace workplace = workplace(check, form.workplace());
        ComplaintForm.Accused accusedForm = form.accused();
        Complaint.Accused accused = new Complaint.Accused(
                accusedForm == null ? null : check.optional("accused.role", accusedForm.role(), AccusedRole.class),
                accusedForm != null && Boolean.TRUE.equals(accusedForm.publicOfficial()));
        boolean minor = form.victim() != null && Boolean.TRUE.equals(form.victim().minor());
        boolean danger = form.risk() != null && Boolean.TRUE.equals(form.risk().immediateDanger());
        Complaint.Complainant complainant = complainant(check, form.complainant(), language);
        if (!check.violations.isEmpty()) {
            List<FieldViolation> all = new ArrayList<>(check.violations);
            all.addAll(check.identityInAnonymous);
            throw new InvalidComplaintException(all);
        }
        if (!check.identityInAnonymous.isEmpty()) {
            throw new IdentityInAnonymousComplaintException(check.identityInAnonymous);
        }
        return new Complaint(Objects.requireNonNull(channel), Objects.requireNonNull(language),
                Objects.requireNonNull(incident), Objects.requireNonNull(location), workplace, accused, minor,
                danger, Objects.requireNonNull(complainant));
    }

    private Complaint.@Nullable Incident incident(Check check, ComplaintForm.@Nullable Incident form) {
        if (form == null) {
            check.fail("incident", "is required");
            return null;
        }
        List<Category> categories = new ArrayList<>();
        if (form.categories() == null || form.categories().isEmpty()) {
            check.fail("incident.categories", "must name at least one category");
        } else {
            for (int i = 0; i < form.categories().size(); i++) {
                Category category = check.required("incident.categories[" + i + "]", form.categories().get(i),
                        Category.class);
                if (category != null && !categories.contains(category)) {
                    categories.add(category);
                }
            }
        }
        String description = TextNormalizer.multiLine(form.description());
        if (description == null || description.isEmpty()) {
            check.fail("incident.description", "is required and must not be blank");
        } else if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            check.fail("incident.description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        LocalDate occurredOn = null;
        if (form.occurredOn() != null) {
            try {
                occurredOn = LocalDate.parse(form.occurredOn());
                if (occurredOn.isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
                    check.fail("incident.occurredOn", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                check.fail("incident.occurredOn", "must be a date written as YYYY-MM-DD");
            }
        }
        return description == null ? null
                : new Complaint.Incident(categories, description, occurredOn, form.ongoing());
    }

    private Complaint.@Nullable Location location(Check check, ComplaintForm.@Nullable Location form) {
        if (form == null) {
            check.fail("location", "is required");
            return null;
        }
        String country = TextNormalizer.singleLine(form.country());
        if (country == null || country.isEmpty()) {
            check.fail("location.country", "is required");
            return null;
        }
        if (!COUNTRY.matcher(country).matches() || !Subdivisions.isCountry(country)) {
            check.fail("location.country", "must be an ISO 3166-1 alpha-2 country code such as KZ");
            return null;
        }
        String submittedRegion = TextNormalizer.singleLine(form.region());
        if (submittedRegion != null && submittedRegion.isEmpty()) {
            submittedRegion = null;
        }
        String region = submittedRegion;
        boolean regionKnown = false;
        if (submittedRegion != null && Subdivisions.listsSubdivisionsOf(country)) {
            region = Subdivisions.currentCode(country, submittedRegion.toUpperCase(Locale.ROOT)).orElse(null);
            regionKnown = region != null;
            if (region == null) {
                check.fail("location.region", "must be a current ISO 3166-2 subdivision code of " + country
                        + (country.equals("KZ") ? " (KZ-10 ... KZ-79)" : ""));
            }
        } else {
            check.maxLength("location.region", submittedRegion);
        }
        String district = TextNormalizer.singleLine(form.districtCode());
        if (district != null && district.isEmpty()) {
            district = null;
        }
        if (district != null && country.equals("KZ")) {
            if (!KATO.matcher(district).matches()) {
                check.fail("location.districtCode", "must be a 9-digit KATO code for Kazakhstan");
            } else if (submittedRegion == null) {
                check.fail("location.districtCode", "needs location.region, whose KATO prefix it must match");
            } else if (region != null && !district.startsWith(region.substring("KZ-".length()))) {
                check.fail("location.districtCode", "KATO code does not lie in region " + region);
            }
        } else {
            check.maxLength("location.districtCode", district);
        }
        String settlement = TextNormalizer.singleLine(form.settlement());
        check.maxLength("location.settlement", settlement);
        String asSubmitted = submittedRegion != null && !submittedRegion.equals(region) ? submittedRegion : null;
        return new Complaint.Location(country, region, asSubmitted, regionKnown, district, emptyToNull(settlement));
    }

    private Complaint.Workplace workplace(Check check, ComplaintForm.@Nullable Workplace form) {
        if (form == null) {
            return new Complaint.Workplace(null, null, null);
        }
        String organization = TextNormalizer.singleLine(form.organizationName());
        check.maxLength("workplace.organizationName", organization);
        return new Complaint.Workplace(
                check.optional("workplace.sector", form.sector(), Sector.class),
                check.optional("workplace.type", form.type(), WorkplaceType.class),
                emptyToNull(organization));
    }

    private Complaint.@Nullable Complainant complainant(Check check, ComplaintForm.@Nullable Complainant form,
            @Nullable Language complaintLanguage) {
        if (form == null) {
            check.fail("complainant", "is required (at least its mode)");
            return null;
        }
        ComplainantMode mode = check.required("complainant.mode", form.mode(), ComplainantMode.class);
        String name = emptyToNull(TextNormalizer.singleLine(form.name()));
        String email = emptyToNull(TextNormalizer.singleLine(form.email()));
        String phone = emptyToNull(TextNormalizer.singleLine(form.phone()));
        if (mode == ComplainantMode.ANONYMOUS) {
            // Refused rather than dropped: a complainant who typed a name believed it would be used, and must
            // learn that it would not be before choosing between anonymity and being reached.
            check.identityInAnonymous("complainant.name", name);
            check.identityInAnonymous("complainant.email", email);
            check.identityInAnonymous("complainant.phone", phone);
            name = null;
            email = null;
            phone = null;
        }
        check.maxLength("complainant.name", name);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            check.fail("complainant.email", "must be an email address");
        }
        if (phone != null && (!PHONE.matcher(phone).matches() || digits(phone) < 7)) {
            check.fail("complainant.phone", "must be a phone number of at least 7 digits, such as +7 701 123 4567");
        }
        if ((mode == ComplainantMode.OPEN || mode == ComplainantMode.CONFIDENTIAL) && email == null && phone == null) {
            check.fail("complainant", mode + " complaints need an email or a phone number to reach the complainant");
        }
        Language preferred = form.preferredLanguage() == null ? complaintLanguage
                : check.requiredLanguage("complainant.preferredLanguage", form.preferredLanguage());
        if (mode == null || preferred == null) {
            return null;
        }
        return new Complaint.Complainant(mode, name, email, phone, preferred,
                Boolean.TRUE.equals(form.consentToContact()));
    }

    private static long digits(String phone) {
        return phone.chars().filter(Character::isDigit).count();
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Collects violations while the form is read. */
    private static final class Check {

        final List<FieldViolation> violations = new ArrayList<>();
        /** Kept apart: alone, they earn their own answer, which explains the mode. */
        final List<FieldViolation> identityInAnonymous = new ArrayList<>();

        void fail(String field, String problem) {
            violations.add(new FieldViolation(field, problem));
        }

        void identityInAnonymous(String field, @Nullable String value) {
            if (value != null) {
                identityInAnonymous.add(new FieldViolation(field, ANONYMOUS_CARRIES_NO_IDENTITY));
            }
        }

        <E extends Enum<E>> @Nullable E required(String field, @Nullable String value, Class<E> type) {
            if (value == null) {
                fail(field, "is required; one of " + names(type));
                return null;
            }
            return optional(field, value, type);
        }

        <E extends Enum<E>> @Nullable E optional(String field, @Nullable String value, Class<E> type) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                fail(field, "must be one of " + names(type));
                return null;
            }
        }

        @Nullable Language requiredLanguage(String field, @Nullable String code) {
            if (code == null) {
                fail(field, "is required; one of kk, ru, en");
                return null;
            }
            Language language = Language.fromCode(code).orElse(null);
            if (language == null) {
                fail(field, "must be one of kk, ru, en");
            }
            return language;
        }

        void maxLength(String field, @Nullable String value) {
            if (value != null && value.codePointCount(0, value.length()) > MAX_SHORT_TEXT_LENGTH) {
                fail(field, "must be at most " + MAX_SHORT_TEXT_LENGTH + " characters");
            }
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            Set<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return String.join(", ", names);
        }
    }
}
