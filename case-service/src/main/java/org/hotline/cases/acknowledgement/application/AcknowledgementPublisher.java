package org.hotline.cases.acknowledgement.application;

import java.time.Instant;
import java.util.UUID;

/** Where acknowledgements go: the case events topic, from which the case files (and later, emails) follow. */
public interface AcknowledgementPublisher {

    /**
     * Returns once the broker has the event (acks=all).
     *
     * @throws AcknowledgementNotStoredException when it does not in time; nothing is acknowledged then
     */
    void publish(UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber);
}
