package org.hotline.notification.dispatch.application;

import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RoutedComplaint;

/**
 * Turns a routing decision into queued messages. Idempotent: a redelivered decision queues only what the
 * ledger does not know yet, so a crash between two messages is repaired by the redelivery.
 */
public class NotificationPlanning {

    private final MessagePlanner planner;
    private final Dispatcher dispatcher;

    public NotificationPlanning(MessagePlanner planner, Dispatcher dispatcher) {
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    public void handle(RoutedComplaint complaint) {
        for (PlannedMessage message : planner.plan(complaint)) {
            dispatcher.queue(message);
        }
    }
}
