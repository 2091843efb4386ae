package org.hotline.cases.casefile.application;

/** The case files cannot be read now: the service is starting, or restoring them from Kafka. Try again soon. */
public class CaseFilesUnavailableException extends RuntimeException {

    public CaseFilesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
