package org.hotline.cases.acknowledgement.domain;

/** What a link may be used for; a link signed for one purpose is refused for any other. */
public enum LinkPurpose {
    /** Confirm receipt and give the body's registration number. */
    ACKNOWLEDGE
}
