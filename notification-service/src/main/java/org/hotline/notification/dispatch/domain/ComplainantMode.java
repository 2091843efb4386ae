package org.hotline.notification.dispatch.domain;

/** How much of their identity the complainant lets the hotline pass on to the bodies it notifies. */
public enum ComplainantMode {
    /** The bodies learn nothing about who complained. */
    ANONYMOUS,
    /** The bodies learn nothing about who complained and are told that the NGO is their contact. */
    CONFIDENTIAL,
    /** The bodies receive the complainant's name and contact details. */
    OPEN
}
