package org.hotline.routing.rules.domain;

/** What happened, as the complainant classifies it (the intake API's list; routing owns its own copy). */
public enum Category {
    SEXUAL_HARASSMENT, SEXUAL_COERCION, SEXUAL_VIOLENCE, EXTORTION, RETALIATION, DISCRIMINATION, OTHER
}
