package org.hotline.routing.rules.domain;

/** How much of their identity the complainant lets the bodies learn. */
public enum ComplainantMode {
    ANONYMOUS, CONFIDENTIAL, OPEN
}
