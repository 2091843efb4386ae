package org.hotline.notification.dispatch.domain;

/** Why a message was not delivered, as outcome events and metrics report it. */
public enum FailureClass {
    /** Connection refused, timeout or a 4xx reply: retried with back-off. */
    TRANSIENT(false),
    /** The SMTP server refused the message or the recipient with a 5xx reply: not retried. */
    REJECTED(true),
    /** The address cannot be used safely (malformed, or it carries line breaks): never sent. */
    INVALID_ADDRESS(true),
    /** Transient failures went on for longer than the configured give-up time. */
    RETRIES_EXHAUSTED(true),
    /**
     * The service stopped between starting a send and recording its result, or the connection failed after the
     * message data was sent and before the server answered; the server may or may not have the message. A
     * caseworker checks.
     */
    IN_DOUBT(true);

    private final boolean permanent;

    FailureClass(boolean permanent) {
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
