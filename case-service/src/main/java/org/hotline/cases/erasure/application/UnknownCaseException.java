package org.hotline.cases.erasure.application;

/** No case has the reference given. */
public final class UnknownCaseException extends RuntimeException {

    public UnknownCaseException() {
        super("no case has this reference");
    }
}
