package org.hotline.cases.console.application;

/** The complaint's record could not be read now (the broker unreachable, a read timed out): try again. */
public final class ComplainantRecordsUnavailableException extends RuntimeException {

    public ComplainantRecordsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
