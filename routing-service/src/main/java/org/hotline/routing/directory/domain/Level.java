package org.hotline.routing.directory.domain;

/** The tier of the state an authority works at; each tier covers one {@link UnitKind} of unit. */
public enum Level {
    NATIONAL(UnitKind.COUNTRY),
    REGION(UnitKind.REGION),
    DISTRICT(UnitKind.DISTRICT);

    private final UnitKind covers;

    Level(UnitKind covers) {
        this.covers = covers;
    }

    /** The kind of administrative unit an authority of this level covers. */
    public UnitKind covers() {
        return covers;
    }
}
