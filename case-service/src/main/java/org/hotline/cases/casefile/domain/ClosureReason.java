package org.hotline.cases.casefile.domain;

/** Why a caseworker closed a case. */
public enum ClosureReason {
    /** The bodies' answers settled the complaint: measures taken, or the complainant is satisfied. */
    RESOLVED,
    /** The complainant asked the hotline to stop. */
    WITHDRAWN,
    /** The complaint went on to a court, or to an international body, beyond the bodies of the ladder. */
    REFERRED_ELSEWHERE,
    /** Nothing more can be done: the caseworkers decided after the dossier, or the complainant cannot be reached. */
    NO_FURTHER_ACTION
}
