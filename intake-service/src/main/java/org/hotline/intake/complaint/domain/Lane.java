package org.hotline.intake.complaint.domain;

/**
 * Which way a new complaint travels through the system. Complaints of the priority lane are kept off the
 * partitions of the bulk lane, so a flood from one source (many complaints from one address or one partner in a
 * short time) queues on its own partitions behind itself, while every other complaint passes it on the others.
 * Nothing downstream needs to know: every service keys a complaint's records by its id, so the id alone decides
 * the partition everywhere (docs/security.md, "Priority lane").
 */
public enum Lane {

    /** The complaints of sources that sent few lately: most of the public, one complaint each. */
    PRIORITY,

    /** The complaints of a source beyond its priority allowance: handled in full, behind the priority lane. */
    BULK
}
