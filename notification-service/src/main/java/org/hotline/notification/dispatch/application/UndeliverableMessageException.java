package org.hotline.notification.dispatch.application;

/** A message that can never be sent as planned, such as one to a malformed or header-injecting address. */
public class UndeliverableMessageException extends RuntimeException {

    public UndeliverableMessageException(String message) {
        super(message);
    }
}
