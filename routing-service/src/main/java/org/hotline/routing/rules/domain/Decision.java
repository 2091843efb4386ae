package org.hotline.routing.rules.domain;

import java.util.List;

/**
 * Where a complaint goes: exactly one PRIMARY (listed first), COPY for the rest, no body twice.
 *
 * @param fallback true when triage leads because the place was unknown or no rule named a body to lead
 */
public record Decision(List<Assignment> assignments, boolean fallback, String rulesVersion) {

    public Decision {
        assignments = List.copyOf(assignments);
    }

    public Assignment primary() {
        return assignments.get(0);
    }
}
