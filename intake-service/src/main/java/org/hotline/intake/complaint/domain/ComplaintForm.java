package org.hotline.intake.complaint.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as submitted, before anything about it has been checked. Every value is the text the client
 * sent (or null when it sent nothing); {@link ComplaintValidator} turns it into a {@link Complaint} or says
 * everything that is wrong with it.
 */
public record ComplaintForm(
        @Nullable String channel,
        @Nullable String language,
        @Nullable Incident incident,
        @Nullable Location location,
        @Nullable Workplace workplace,
        @Nullable Accused accused,
        @Nullable Victim victim,
        @Nullable Risk risk,
        @Nullable Complainant complainant) {

    public record Incident(
            @Nullable List<@Nullable String> categories,
            @Nullable String description,
            @Nullable String occurredOn,
            @Nullable Boolean ongoing) {
    }

    public record Location(
            @Nullable String country,
            @Nullable String region,
            @Nullable String districtCode,
            @Nullable String settlement) {
    }

    public record Workplace(@Nullable String sector, @Nullable String type, @Nullable String organizationName) {
    }

    public record Accused(@Nullable String role, @Nullable Boolean publicOfficial) {
    }

    public record Victim(@Nullable Boolean minor) {
    }

    public record Risk(@Nullable Boolean immediateDanger) {
    }

    public record Complainant(
            @Nullable String mode,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String preferredLanguage,
            @Nullable Boolean consentToContact) {
    }
}
