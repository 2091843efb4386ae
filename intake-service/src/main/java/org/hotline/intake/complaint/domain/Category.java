package org.hotline.intake.complaint.domain;

/** What happened, as the complainant classifies it; one complaint may have several. */
public enum Category {
    SEXUAL_HARASSMENT, SEXUAL_COERCION, SEXUAL_VIOLENCE, EXTORTION, RETALIATION, DISCRIMINATION, OTHER
}
