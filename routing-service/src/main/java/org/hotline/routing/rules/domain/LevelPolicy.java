package org.hotline.routing.rules.domain;

import java.util.List;
import org.hotline.routing.directory.domain.Level;

/** Which levels of a body may receive an assignment, most specific first: the first level listed that has one wins. */
public enum LevelPolicy {
    /** District, else region, else national. */
    MOST_SPECIFIC(List.of(Level.DISTRICT, Level.REGION, Level.NATIONAL)),
    /** Region, else national: never a district body, for instance one that appoints the accused. */
    REGION_OR_ABOVE(List.of(Level.REGION, Level.NATIONAL)),
    /** The region's body or nobody: for partners that exist only in some regions. */
    REGION_ONLY(List.of(Level.REGION)),
    /** The national body only. */
    NATIONAL(List.of(Level.NATIONAL));

    private final List<Level> levels;

    LevelPolicy(List<Level> levels) {
        this.levels = levels;
    }

    public List<Level> levels() {
        return levels;
    }
}
