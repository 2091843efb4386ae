package org.hotline.routing.rules.domain;

import java.util.List;

/**
 * A routing rule: it matches when any {@code when} condition holds and no {@code unless} condition does.
 *
 * @param id stable id, quoted in every assignment it makes
 */
public record Rule(String id, List<Condition> when, List<Condition> unless, List<Assign> assign) {

    public Rule {
        when = List.copyOf(when);
        unless = List.copyOf(unless);
        assign = List.copyOf(assign);
    }

    public boolean matches(ComplaintFacts facts) {
        return when.stream().anyMatch(c -> c.matches(facts)) && unless.stream().noneMatch(c -> c.matches(facts));
    }
}
