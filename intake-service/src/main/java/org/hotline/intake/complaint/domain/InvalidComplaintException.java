package org.hotline.intake.complaint.domain;

import java.util.List;

/** A complaint was refused; it carries every violation found, not just the first. */
public class InvalidComplaintException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidComplaintException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s): "
                + violations.stream().map(FieldViolation::field).toList());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
