package org.hotline.cases.console.application;

/** The complaint's identity mode keeps its complainant from everyone, caseworkers included (ANONYMOUS). */
public final class NotDisclosedException extends RuntimeException {

    private final String mode;

    public NotDisclosedException(String mode) {
        super("a complaint sent " + mode + " is not opened");
        this.mode = mode;
    }

    public String mode() {
        return mode;
    }
}
