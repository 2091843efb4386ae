package org.hotline.cases.acknowledgement.domain;

/** A link that must not be acted on, and why (for the page and the metric; never the link itself in a log). */
public class RefusedLinkException extends RuntimeException {

    /** Why a link is refused. */
    public enum Reason {
        /** Not a link this service made: malformed, signed with another key, or altered. */
        NOT_VALID,
        /** Signed, but past its expiry. */
        EXPIRED,
        /** Signed for another purpose. */
        WRONG_PURPOSE,
        /** Signed, but the complaint or the body is not (or not yet) in the case files. */
        UNKNOWN_ASSIGNMENT
    }

    private final Reason reason;

    public RefusedLinkException(Reason reason) {
        super("link refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
