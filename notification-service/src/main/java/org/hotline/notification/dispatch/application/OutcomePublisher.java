package org.hotline.notification.dispatch.application;

/** Tells integrators what became of each message. */
public interface OutcomePublisher {

    void publish(Outcome outcome);
}
