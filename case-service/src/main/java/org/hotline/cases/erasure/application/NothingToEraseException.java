package org.hotline.cases.erasure.application;

/**
 * The complaint has no data key: it was erased already, or it was received before per-complaint keys, when its
 * fields were sealed under the service key itself, which no erasure of one complaint can take away.
 */
public final class NothingToEraseException extends RuntimeException {

    public NothingToEraseException() {
        super("the complaint has no data key to erase");
    }
}
