package org.hotline.intake.complaint.application;

/** Makes an accepted complaint durable: when {@link #publish} returns, the broker has it. */
public interface ComplaintPublisher {

    /**
     * Publishes the complaint's event, and its idempotency record when it has a fingerprint, atomically.
     *
     * @throws PublicationFailedException when the broker did not take it within the bounded time; then
     *     nothing of it becomes visible to consumers, now or later
     */
    void publish(AcceptedComplaint complaint);
}
