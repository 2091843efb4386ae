package org.hotline.notification.dispatch.application;

import java.util.Locale;

/**
 * The steps of a sender's batch, each timed ({@code hotline_notification_batch_stage_seconds{stage}}), so that an
 * operator can see where a message's time goes between its routed record and the SMTP server's reply.
 */
public enum BatchStage {
    /** From the moment the batch's longest-waiting message came due to the moment a sender took the batch. */
    WAITED,
    /** Rendering the batch's messages. */
    RENDERED,
    /** Opening the SMTP connection, when the sender had none open (idle for too long, or broken). */
    CONNECTED,
    /** Writing the batch's intents to the ledger, one transaction per partition. */
    INTENTS_WRITTEN,
    /** Sending the batch's messages over the connection, one after another. */
    SENT,
    /** Writing the results with their outcome events, one transaction per partition, and settling them. */
    RESULTS_WRITTEN;

    /** The metric's tag value: {@code waited}, {@code intents_written}... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
