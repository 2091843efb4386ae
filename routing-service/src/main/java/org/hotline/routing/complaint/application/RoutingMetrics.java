package org.hotline.routing.complaint.application;

import java.time.Duration;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;

/** What routing reports, without knowing the metrics library. */
public interface RoutingMetrics {

    /** A decision made for a complaint event (not for a preview). */
    void decided(ComplaintFacts facts, Decision decision, Duration took);

    /** A complaint event sent to the dead-letter topic, by a reason from a closed list. */
    void deadLettered(String reason);

    /** A poll of complaint events handled in one Kafka transaction (counted again if it is rolled back and retried). */
    void pollHandled(int records);
}
