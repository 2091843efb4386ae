package org.hotline.routing.directory.domain;

/** What kind of body an authority is. Rules assign types; the directory resolves a type to a body by place. */
public enum AuthorityType {
    POLICE,
    PROSECUTOR,
    ANTI_CORRUPTION,
    LABOUR_INSPECTION,
    EDUCATION_AUTHORITY,
    OMBUDSMAN,
    CHILDREN_OMBUDSMAN,
    CRISIS_CENTER,
    NGO_LEGAL_AID,
    /** The operating NGO's own desk: takes anonymous appeals other bodies refuse, and every undecidable case. */
    TRIAGE
}
