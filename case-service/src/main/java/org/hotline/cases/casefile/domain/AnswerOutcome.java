package org.hotline.cases.casefile.domain;

/** What a body answered about a complaint, as the hotline records it: one of four outcomes. */
public enum AnswerOutcome {
    /** The body took the complaint up for consideration (an inspection, an internal review). */
    ACCEPTED_FOR_CONSIDERATION,
    /** The body sent it on to another body it considers competent; {@link Answer#forwardedTo()} names that body. */
    FORWARDED,
    /** The body reports measures taken (a disciplinary step, an order, a fine). */
    MEASURES_TAKEN,
    /** The body refused to consider it; {@link Answer#reason()} gives its reason. */
    REFUSED
}
