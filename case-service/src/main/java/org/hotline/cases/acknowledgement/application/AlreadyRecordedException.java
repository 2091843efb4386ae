package org.hotline.cases.acknowledgement.application;

/** The body's acknowledgement (or answer) is already recorded; the first stands, and nothing was published. */
public class AlreadyRecordedException extends RuntimeException {

    public AlreadyRecordedException(String message) {
        super(message);
    }
}
