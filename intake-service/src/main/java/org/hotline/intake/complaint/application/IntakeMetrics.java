package org.hotline.intake.complaint.application;

import java.time.Duration;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.Lane;

/** What the intake counts. Implementations must never put complaint text or contact details in a label. */
public interface IntakeMetrics {

    void accepted(Complaint complaint);

    /** A complaint made durable in this lane. */
    void laned(Lane lane);

    void rejected(String reason);

    /** How long a request waited for its complaint to be committed, or to learn that it was not. */
    void published(Duration latency, boolean succeeded);

    /** One Kafka transaction ended, committed or not, holding this many complaints (group commit). */
    void transactionEnded(int complaints, boolean committed);
}
