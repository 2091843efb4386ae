package org.hotline.routing.rules.domain;

/** The kind of workplace where it happened. */
public enum WorkplaceType {
    SCHOOL, KINDERGARTEN, UNIVERSITY, HEALTHCARE, GOVERNMENT_BODY, COMPANY, TRANSPORT, OTHER
}
