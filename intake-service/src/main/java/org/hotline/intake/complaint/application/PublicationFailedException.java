package org.hotline.intake.complaint.application;

/** The broker did not take a complaint in time; the client should retry later with the same key. */
public class PublicationFailedException extends RuntimeException {

    public PublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
