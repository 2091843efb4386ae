package org.hotline.cases.acknowledgement.application;

/**
 * An escalation asked for past a body that cannot be escalated past: the case is closed, the body answered or was
 * escalated past already, it is a copy, it was never told, or no ladder goes up from it; nothing was published.
 */
public class NothingToEscalateException extends RuntimeException {

    public NothingToEscalateException(String message) {
        super(message);
    }
}
