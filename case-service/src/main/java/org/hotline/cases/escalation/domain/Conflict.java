package org.hotline.cases.escalation.domain;

import java.util.List;
import org.hotline.cases.casefile.domain.Circumstances;

/**
 * A conflict of interest: bodies of the shape {@code rung} oversee the accused when any of {@code when} holds, so
 * they are never told of the complaint by escalation; the ladder goes on to the rung above.
 *
 * @param id names the rule in the case file and the events (the reason a rung was skipped)
 */
public record Conflict(String id, IdPattern rung, List<Condition> when) {

    public Conflict {
        when = List.copyOf(when);
    }

    public boolean applies(Rung candidate, Circumstances facts) {
        return rung.match(candidate.authorityId()).isPresent()
                && when.stream().anyMatch(condition -> condition.holds(facts));
    }
}
