package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A routing decision with the complaint it decides, its sealed fields opened: everything the messages need.
 *
 * @param fallback whether routing could not decide and sent the complaint to triage
 */
public record RoutedComplaint(
        UUID eventId,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        boolean fallback,
        String rulesVersion,
        List<Assignment> assignments,
        Incident incident,
        Place place,
        Workplace workplace,
        Accused accused,
        boolean victimMinor,
        boolean immediateDanger,
        ComplainantMode mode,
        Complainant complainant) {

    public RoutedComplaint {
        assignments = List.copyOf(assignments);
    }

    /** @param categories the category codes of the intake API */
    public record Incident(List<String> categories, String description, @Nullable LocalDate occurredOn,
            @Nullable Boolean ongoing) {

        public Incident {
            categories = List.copyOf(categories);
        }
    }

    public record Place(String country, @Nullable String region, @Nullable String districtCode,
            @Nullable String settlement) {
    }

    public record Workplace(@Nullable String sector, @Nullable String type, @Nullable String organizationName) {
    }

    public record Accused(@Nullable String role, boolean publicOfficial) {
    }

    /**
     * The opened {@code complainant} value.
     *
     * @param acknowledgementWithheld the intake found the address had had all the acknowledgements it may have
     *     (docs/security.md, "Acknowledgements")
     */
    public record Complainant(@Nullable String name, @Nullable String email, @Nullable String phone,
            Language preferredLanguage, boolean consentToContact, String trackingCode,
            boolean acknowledgementWithheld) {

        /**
         * Whether anything may be mailed to the complainant: the acknowledgement, then the news of the case. Never
         * for an ANONYMOUS complaint, whatever its sealed block holds: the intake refuses an anonymous complaint
         * that names an address, but events published before it did (the topic keeps them forever) may carry one,
         * and a mail to the complainant's address would tie the address to the complaint on the NGO's mail server.
         */
        public boolean mayBeMailed(ComplainantMode mode) {
            return mode != ComplainantMode.ANONYMOUS && consentToContact && email != null && !email.isBlank()
                    && !acknowledgementWithheld;
        }

        @Override
        public String toString() {
            return "Complainant[sealed]";
        }
    }
}
