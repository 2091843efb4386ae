package org.hotline.intake.complaint.domain;

/** Who owns the workplace. Public-sector workplaces bring state oversight bodies into routing. */
public enum Sector {
    PUBLIC, PRIVATE, NGO, INFORMAL
}
