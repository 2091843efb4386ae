package org.hotline.notification.acknowledgement.domain;

/**
 * What a link may be used for; the names are part of the signed token, so they are the case service's
 * ({@code LinkPurpose} there), letter for letter.
 */
public enum LinkPurpose {
    /** Confirm receipt and give the body's registration number. */
    ACKNOWLEDGE
}
