package org.hotline.notification.dispatch.domain;

/** Who a message is for. */
public enum RecipientType {
    /** A body the routing assigned, primary or copy. */
    AUTHORITY,
    /** The person who complained, when they left an address and agreed to be contacted. */
    COMPLAINANT,
    /** The operating NGO's caseworker mailbox. */
    CASEWORKER
}
