package org.hotline.cases.acknowledgement.application;

import org.hotline.cases.casefile.domain.Assignment;

/**
 * What the acknowledgement page shows a body: the complaint's reference and the body's part in it (its name,
 * deadlines, and its acknowledgement and answer once given). Nothing of the complaint's content or the complainant.
 */
public record AcknowledgementPage(String reference, Assignment assignment) {

    public boolean acknowledged() {
        return assignment.acknowledgedAt() != null;
    }

    public boolean answered() {
        return assignment.answeredAt() != null;
    }
}
