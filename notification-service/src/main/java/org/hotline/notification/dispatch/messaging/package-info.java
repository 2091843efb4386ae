/** Kafka adapters: the ComplaintRouted consumer, its dead-letter handling and the NotificationOutcome publisher. */
@NullMarked
package org.hotline.notification.dispatch.messaging;

import org.jspecify.annotations.NullMarked;
