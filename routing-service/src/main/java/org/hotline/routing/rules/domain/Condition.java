package org.hotline.routing.rules.domain;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One way a rule can match: every stated fact must hold (an empty set or a null flag states nothing). A set
 * matches when the complaint's value is one of it; for categories, when the complaint names any of them.
 */
public record Condition(
        Set<Category> categories,
        Set<Sector> sectors,
        Set<WorkplaceType> workplaceTypes,
        Set<AccusedRole> accusedRoles,
        @Nullable Boolean publicOfficial,
        @Nullable Boolean minor,
        @Nullable Boolean immediateDanger,
        Set<ComplainantMode> complainantModes) {

    public Condition {
        categories = Set.copyOf(categories);
        sectors = Set.copyOf(sectors);
        workplaceTypes = Set.copyOf(workplaceTypes);
        accusedRoles = Set.copyOf(accusedRoles);
        complainantModes = Set.copyOf(complainantModes);
    }

    /** The reference meaning of a condition; {@link RuleIndex} computes the same thing without a scan. */
    public boolean matches(ComplaintFacts facts) {
        return (categories.isEmpty() || facts.categories().stream().anyMatch(categories::contains))
                && accepts(sectors, facts.sector())
                && accepts(workplaceTypes, facts.workplaceType())
                && accepts(accusedRoles, facts.accusedRole())
                && (publicOfficial == null || publicOfficial == facts.publicOfficial())
                && (minor == null || minor == facts.minor())
                && (immediateDanger == null || immediateDanger == facts.immediateDanger())
                && (complainantModes.isEmpty() || complainantModes.contains(facts.complainantMode()));
    }

    /** An empty set states nothing; a stated set needs a value, since the complaint not saying is not a match. */
    private static <E> boolean accepts(Set<E> accepted, @Nullable E value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value));
    }
}
