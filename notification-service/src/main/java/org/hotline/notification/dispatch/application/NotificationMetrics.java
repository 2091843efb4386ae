package org.hotline.notification.dispatch.application;

import java.time.Duration;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;

/** What operators watch. */
public interface NotificationMetrics {

    void sent(String template, Language language, RecipientType recipientType);

    void failed(String template, Language language, RecipientType recipientType, FailureClass failure);

    void retried(String template, RecipientType recipientType, FailureClass failure);

    void smtpLatency(Duration latency);

    /** From the complaint's {@code receivedAt} to its last message sent. */
    void endToEnd(Duration latency);

    /** A translation was missing and another language stood in. */
    void templateFallback(String template, Language requested, Language used);

    /** Sends found started but unrecorded at start-up. */
    void inDoubt(int count);

    /** The time between the SMTP server's acceptance and the durable record of it: the unclosable window. */
    void unrecordedWindow(Duration window);

    /** An outcome event could not be published. */
    void outcomeNotPublished();

    /** How long one step of a sender's batch took. */
    void batchStage(BatchStage stage, Duration took);
}
