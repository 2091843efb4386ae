package org.hotline.intake.complaint.domain;

/** Where the complaint came in. */
public enum Channel {
    WEB, HOTLINE, PARTNER_API
}
