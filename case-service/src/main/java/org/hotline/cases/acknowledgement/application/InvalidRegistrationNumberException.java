package org.hotline.cases.acknowledgement.application;

/** The registration number typed is empty, too long, or holds control characters. */
public class InvalidRegistrationNumberException extends RuntimeException {

    public InvalidRegistrationNumberException(String message) {
        super(message);
    }
}
