package org.hotline.notification.dispatch.application;

import org.hotline.notification.dispatch.domain.PlannedMessage;

/** Turns a planned message into a complete MIME message (HTML with a plain-text alternative). */
public interface MailRenderer {

    /** @throws UndeliverableMessageException when the recipient address cannot be used safely */
    byte[] render(PlannedMessage message);
}
