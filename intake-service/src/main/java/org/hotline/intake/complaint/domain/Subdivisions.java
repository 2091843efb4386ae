package org.hotline.intake.complaint.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The countries and first-level subdivisions (ISO 3166-1 and 3166-2) the intake knows. Subdivisions are
 * listed for the Central Asian countries the hotline works in; for any other country the region is free
 * text, and routing sends such complaints to triage.
 *
 * <p>Kazakhstan renumbered its subdivisions in 2022 (ISO 3166-2 newsletter of that year): the numeric codes
 * equal the first two digits of the KATO code of the unit, and the three regions created that year (Abai,
 * Zhetisu, Ulytau) were carved out of East Kazakhstan, Almaty Region and Karaganda. A retired letter code
 * is mapped to the unit that kept its name.
 */
public final class Subdivisions {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, Set<String>> CURRENT = Map.of(
            "KZ", Set.of("KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
                    "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71",
                    "KZ-75", "KZ-79"),
            "KG", Set.of("KG-B", "KG-C", "KG-GB", "KG-GO", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y"),
            "TJ", Set.of("TJ-DU", "TJ-GB", "TJ-KT", "TJ-RA", "TJ-SU"),
            "UZ", Set.of("UZ-AN", "UZ-BU", "UZ-FA", "UZ-JI", "UZ-NG", "UZ-NW", "UZ-QA", "UZ-QR", "UZ-SA",
                    "UZ-SI", "UZ-SU", "UZ-TK", "UZ-TO", "UZ-XO"),
            "TM", Set.of("TM-A", "TM-B", "TM-D", "TM-L", "TM-M", "TM-S"));

    private static final Map<String, String> RETIRED = Map.ofEntries(
            Map.entry("KZ-AKM", "KZ-11"),
            Map.entry("KZ-AKT", "KZ-15"),
            Map.entry("KZ-ALM", "KZ-19"),
            Map.entry("KZ-ALA", "KZ-75"),
            Map.entry("KZ-AST", "KZ-71"),
            Map.entry("KZ-ATY", "KZ-23"),
            Map.entry("KZ-KAR", "KZ-35"),
            Map.entry("KZ-KUS", "KZ-39"),
            Map.entry("KZ-KZY", "KZ-43"),
            Map.entry("KZ-MAN", "KZ-47"),
            Map.entry("KZ-PAV", "KZ-55"),
            Map.entry("KZ-SEV", "KZ-59"),
            Map.entry("KZ-SHY", "KZ-79"),
            Map.entry("KZ-VOS", "KZ-63"),
            Map.entry("KZ-YUZ", "KZ-61"),
            Map.entry("KZ-ZAP", "KZ-27"),
            Map.entry("KZ-ZHA", "KZ-31"));

    private Subdivisions() {
    }

    public static boolean isCountry(String alpha2) {
        return COUNTRIES.contains(alpha2);
    }

    /** Whether the intake holds the subdivision list of this country, so that a region can be checked. */
    public static boolean listsSubdivisionsOf(String country) {
        return CURRENT.containsKey(country);
    }

    /** The current subdivision codes of a country, in order; none when the intake does not list its subdivisions. */
    public static List<String> currentCodes(String country) {
        return CURRENT.getOrDefault(country, Set.of()).stream().sorted().toList();
    }

    /** The current code for a submitted region code, following a retired code to its successor. */
    public static Optional<String> currentCode(String country, String region) {
        Set<String> current = CURRENT.getOrDefault(country, Set.of());
        if (current.contains(region)) {
            return Optional.of(region);
        }
        return Optional.ofNullable(RETIRED.get(region)).filter(current::contains);
    }
}
