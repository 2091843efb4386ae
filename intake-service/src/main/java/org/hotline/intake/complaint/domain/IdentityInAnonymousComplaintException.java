package org.hotline.intake.complaint.domain;

import java.util.List;

/**
 * An ANONYMOUS complaint named its complainant (a name, an email or a phone) and was otherwise valid. It is
 * refused, not kept with the identity dropped or sealed: anonymity that a form field can undo is not anonymity,
 * and the complainant must know that the details would not be used.
 */
public class IdentityInAnonymousComplaintException extends InvalidComplaintException {

    public IdentityInAnonymousComplaintException(List<FieldViolation> violations) {
        super(violations);
    }
}
