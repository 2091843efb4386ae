package org.hotline.cases.acknowledgement.application;

/** The acknowledgement could not be stored (the broker did not confirm it); the body should try again. */
public class AcknowledgementNotStoredException extends RuntimeException {

    public AcknowledgementNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
