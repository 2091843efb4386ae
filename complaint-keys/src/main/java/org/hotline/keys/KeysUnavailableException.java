package org.hotline.keys;

/**
 * The keys topic could not be read up to date in time (broker unreachable, topic missing, the store still loading),
 * so the store cannot tell whether a complaint's key exists. Not an erasure: the caller must retry later, and must not
 * treat the complaint as erased.
 */
public class KeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeysUnavailableException(String message) {
        super(message);
    }

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
