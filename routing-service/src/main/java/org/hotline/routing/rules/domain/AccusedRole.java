package org.hotline.routing.rules.domain;

/** The accused person's position relative to the complainant. */
public enum AccusedRole {
    HEAD_OF_ORGANIZATION, SUPERVISOR, COLLEAGUE, CLIENT, OTHER
}
