package org.hotline.intake.complaint.application;

import java.time.Duration;
import org.hotline.intake.complaint.domain.Complaint;

/** What the intake counts. Implementations must never put complaint text or contact details in a label. */
public interface IntakeMetrics {

    void accepted(Complaint complaint);

    void rejected(String reason);

    void published(Duration latency, boolean succeeded);
}
