package org.hotline.intake.complaint.domain;

/**
 * How much of their identity the complainant lets the system pass on to the bodies it notifies.
 */
public enum ComplainantMode {
    /** Nobody learns who complained: the complaint carries no name, email or phone, and nobody is mailed. */
    ANONYMOUS,
    /** Only the operating NGO may contact the complainant; the bodies are told the NGO is the contact. */
    CONFIDENTIAL,
    /** The bodies receive the complainant's name and contact details. */
    OPEN
}
