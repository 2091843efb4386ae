package org.hotline.intake.complaint.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.sealing.domain.SealedValue;
import org.jspecify.annotations.Nullable;

/**
 * Version 1 of the event on {@code complaints.received.v1}, keyed by complaint id. Everything routing needs is
 * in clear; the description and the complainant's identity and contact are sealed (see {@link SealedValue}).
 * Values the complainant did not give are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ComplaintReceived(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        String channel,
        String language,
        Incident incident,
        Location location,
        Workplace workplace,
        Accused accused,
        Victim victim,
        Risk risk,
        Complainant complainant) {

    static final String EVENT_TYPE = "ComplaintReceived";
    static final int SCHEMA_VERSION = 1;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Incident(List<String> categories, SealedValue description, @Nullable LocalDate occurredOn,
            @Nullable Boolean ongoing) {
    }

    /**
     * @param region the current ISO 3166-2 code, or free text for a country without a subdivision list
     * @param regionAsSubmitted the retired code the complainant sent, when it was normalised
     * @param regionKnown whether {@code region} is a subdivision code the intake checked
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Location(String country, @Nullable String region, @Nullable String regionAsSubmitted, boolean regionKnown,
            @Nullable String districtCode, @Nullable String settlement) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Workplace(@Nullable String sector, @Nullable String type, @Nullable String organizationName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Accused(@Nullable String role, boolean publicOfficial) {
    }

    record Victim(boolean minor) {
    }

    record Risk(boolean immediateDanger) {
    }

    /** The mode is in clear because routing depends on it; {@code sealed} opens to {@link SealedComplainant}. */
    record Complainant(String mode, SealedValue sealed) {
    }

    /**
     * What {@link Complainant#sealed()} holds once opened by a service that has the key.
     *
     * @param acknowledgementWithheld true when the address had had all the acknowledgements it may have. Sealed,
     *     not in clear, and written either way, so that neither a field nor the sealed value's length (but for
     *     the one byte between {@code true} and {@code false}, lost among the lengths of the name and address)
     *     tells integrators that an address was used before
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SealedComplainant(@Nullable String name, @Nullable String email, @Nullable String phone,
            String preferredLanguage, boolean consentToContact, String trackingCode,
            boolean acknowledgementWithheld) {
    }

    /** The associated data a sealed field of this complaint is bound to. */
    static String sealingContext(UUID complaintId, String field) {
        return "complaints.received.v1/" + complaintId + "/" + field;
    }
}
