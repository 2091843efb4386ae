package org.hotline.cases.acknowledgement.application;

/**
 * A hold asked for a body whose silence can no longer be escalated (the case is closed, the body answered or was
 * escalated already, or it is a copy), or the lifting of a hold where none holds; nothing was published.
 */
public class NothingToHoldException extends RuntimeException {

    public NothingToHoldException(String message) {
        super(message);
    }
}
