package org.hotline.routing.rules.domain;

/** A body's part in a decision: the one that must act, or one kept informed. */
public enum Role {
    PRIMARY, COPY
}
