package org.hotline.cases.escalation.domain;

import java.util.List;

/**
 * The rungs above the bodies of one shape, lowest first, before the ladder's last rung. A rung's id may use the
 * placeholders of {@code body}.
 */
public record LadderEntry(IdPattern body, List<RungTemplate> rungs) {

    public LadderEntry {
        rungs = List.copyOf(rungs);
    }

    /** A rung as the file states it: an id with placeholders, and the body's type. */
    public record RungTemplate(IdPattern authorityId, String authorityType) {
    }
}
