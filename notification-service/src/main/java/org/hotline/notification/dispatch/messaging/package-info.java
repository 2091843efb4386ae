/**
 * Kafka adapters: the ComplaintRouted and case-event consumers, their dead-letter handling and the publisher of
 * NotificationConcluded (on the wire, eventType NotificationOutcome).
 */
@NullMarked
package org.hotline.notification.dispatch.messaging;

import org.jspecify.annotations.NullMarked;
