package org.hotline.intake.complaint.application;

import java.time.Duration;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.Lane;

/** Metrics that count nothing, for tests; a test that needs one figure overrides its method. */
public class NoIntakeMetrics implements IntakeMetrics {

    @Override
    public void accepted(Complaint complaint) {
    }

    @Override
    public void laned(Lane lane) {
    }

    @Override
    public void rejected(String reason) {
    }

    @Override
    public void published(Duration latency, boolean succeeded) {
    }

    @Override
    public void transactionEnded(int complaints, boolean committed) {
    }
}
