package org.hotline.cases.erasure.application;

/** The broker did not confirm the tombstone: the key is not erased, and the request may be repeated. */
public final class ErasureNotStoredException extends RuntimeException {

    public ErasureNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
