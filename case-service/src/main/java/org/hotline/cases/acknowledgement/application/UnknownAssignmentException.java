package org.hotline.cases.acknowledgement.application;

/** No case with this reference, or no such body in it. */
public class UnknownAssignmentException extends RuntimeException {

    private final boolean caseKnown;

    public UnknownAssignmentException(boolean caseKnown) {
        super(caseKnown ? "the case has no assignment to this body" : "no case with this reference");
        this.caseKnown = caseKnown;
    }

    /** True when the case exists and only the body is not in it. */
    public boolean caseKnown() {
        return caseKnown;
    }
}
