package org.hotline.cases.escalation.domain;

import java.util.Set;
import org.hotline.cases.casefile.domain.Circumstances;
import org.jspecify.annotations.Nullable;

/**
 * Facts of a complaint that must all hold, in the language of routing's rules (docs/routing.md): a list means "one
 * of these", and a fact not stated always holds. A fact the complaint does not give never matches a list.
 */
public record Condition(Set<String> sectors, Set<String> workplaceTypes, Set<String> accusedRoles,
        @Nullable Boolean publicOfficial) {

    public Condition {
        sectors = Set.copyOf(sectors);
        workplaceTypes = Set.copyOf(workplaceTypes);
        accusedRoles = Set.copyOf(accusedRoles);
    }

    public boolean holds(Circumstances facts) {
        return among(sectors, facts.sector()) && among(workplaceTypes, facts.workplaceType())
                && among(accusedRoles, facts.accusedRole())
                && (publicOfficial == null || publicOfficial == facts.publicOfficial());
    }

    private static boolean among(Set<String> allowed, @Nullable String value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
