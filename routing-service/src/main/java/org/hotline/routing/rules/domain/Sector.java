package org.hotline.routing.rules.domain;

/** Who owns the workplace. */
public enum Sector {
    PUBLIC, PRIVATE, NGO, INFORMAL
}
