package org.hotline.routing.complaint.web;

import java.util.List;

/** The preview body is JSON but not a complaint routing can decide on; every problem is listed. */
final class InvalidPreviewException extends RuntimeException {

    private final List<FieldViolation> violations;

    InvalidPreviewException(List<FieldViolation> violations) {
        super(violations.size() + " field(s) need fixing");
        this.violations = List.copyOf(violations);
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
