package org.hotline.routing.rules.domain;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a complaint that routing decides on; nothing sealed, nothing identifying.
 *
 * @param regionKnown false when the region is free text the intake could not check
 * @param districtCode the national code of the district or city (KATO in Kazakhstan), when given
 * @param day the day the complaint was received: the directory's units are looked up as they were then
 */
public record ComplaintFacts(
        Set<Category> categories,
        @Nullable Sector sector,
        @Nullable WorkplaceType workplaceType,
        @Nullable AccusedRole accusedRole,
        boolean publicOfficial,
        boolean minor,
        boolean immediateDanger,
        ComplainantMode complainantMode,
        String country,
        @Nullable String region,
        boolean regionKnown,
        @Nullable String districtCode,
        LocalDate day) {

    public ComplaintFacts {
        categories = Set.copyOf(categories);
    }
}
