package org.hotline.intake.complaint.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A complaint that passed validation: every value is known to be acceptable and its text is normalised
 * (NFC, no control characters). Values the complainant did not give stay null, except the yes/no facts
 * routing depends on, where "not said" counts as "no".
 */
public record Complaint(
        Channel channel,
        Language language,
        Incident incident,
        Location location,
        Workplace workplace,
        Accused accused,
        boolean victimIsMinor,
        boolean immediateDanger,
        Complainant complainant) {

    public Complaint {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(language);
        Objects.requireNonNull(incident);
        Objects.requireNonNull(location);
        Objects.requireNonNull(workplace);
        Objects.requireNonNull(accused);
        Objects.requireNonNull(complainant);
    }

    public record Incident(
            List<Category> categories,
            String description,
            @Nullable LocalDate occurredOn,
            @Nullable Boolean ongoing) {

        public Incident {
            categories = List.copyOf(categories);
        }
    }

    /**
     * Where it happened. {@code region} is the current ISO 3166-2 code when the country's subdivisions are
     * known, else the free text the complainant gave; {@code regionAsSubmitted} keeps what was sent when a
     * retired code was normalised, so the event records both.
     */
    public record Location(
            String country,
            @Nullable String region,
            @Nullable String regionAsSubmitted,
            boolean regionKnown,
            @Nullable String districtCode,
            @Nullable String settlement) {
    }

    public record Workplace(
            @Nullable Sector sector,
            @Nullable WorkplaceType type,
            @Nullable String organizationName) {
    }

    public record Accused(@Nullable AccusedRole role, boolean publicOfficial) {
    }

    /**
     * Who complains and how to reach them. This is the part that puts the complainant at risk: it never
     * leaves the service in clear.
     */
    public record Complainant(
            ComplainantMode mode,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            Language preferredLanguage,
            boolean consentToContact) {

        @Override
        public String toString() {
            return "Complainant[mode=" + mode + ", identity withheld]";
        }
    }
}
