package org.hotline.routing.directory.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A country, region or district. Regions are coded by ISO 3166-2 (KZ-39), districts by the national
 * classifier (KATO for Kazakhstan, 391010000), countries by ISO 3166-1 alpha-2.
 *
 * @param parent the code of the unit it lies in; null for a country
 * @param validFrom the first day the unit exists, when known
 * @param validTo the last day the unit exists; null while it still does
 */
public record AdministrativeUnit(String code, UnitKind kind, @Nullable String parent, LocalizedName name,
        @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

    /** Whether the unit exists on the given day. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
