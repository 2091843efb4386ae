package org.hotline.cases.sealing.domain;

/** A value could not be sealed or opened: an unknown key id, a wrong key, or tampered ciphertext. */
public class SealingException extends RuntimeException {

    public SealingException(String message) {
        super(message);
    }

    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
