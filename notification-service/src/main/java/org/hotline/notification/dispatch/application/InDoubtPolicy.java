package org.hotline.notification.dispatch.application;

/** What to do with a send found started but unrecorded after a restart. Either way a caseworker is alerted. */
public enum InDoubtPolicy {
    /** Do not resend: a copy is worse than a gap a caseworker closes by hand. The default. */
    FLAG,
    /** Resend with the same Message-ID, which many receiving systems use to drop the copy. */
    RESEND
}
