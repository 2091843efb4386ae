package org.hotline.routing.directory.domain;

/** The tiers of administrative units: a country, its first-level regions, and their districts and cities. */
public enum UnitKind {
    COUNTRY, REGION, DISTRICT
}
