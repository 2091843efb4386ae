package org.hotline.notification.dispatch.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.notification.dispatch.application.BatchStage;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;

/** Metrics that remember what they were told, as lines like {@code sent authority-notice ru AUTHORITY}. */
public final class RecordingMetrics implements NotificationMetrics {

    public final List<String> events = new CopyOnWriteArrayList<>();
    /** The batch stages timed, in order; kept apart from {@link #events}, which tests compare whole. */
    public final List<BatchStage> stages = new CopyOnWriteArrayList<>();
    /** How long each batch waited after its first message came due. */
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sent(String template, Language language, RecipientType recipientType) {
        events.add("sent " + template + " " + language.code() + " " + recipientType);
    }

    @Override
    public void failed(String template, Language language, RecipientType recipientType, FailureClass failure) {
        events.add("failed " + template + " " + language.code() + " " + recipientType + " " + failure);
    }

    @Override
    public void retried(String template, RecipientType recipientType, FailureClass failure) {
        events.add("retried " + template + " " + recipientType + " " + failure);
    }

    @Override
    public void smtpLatency(Duration latency) {
    }

    @Override
    public void endToEnd(Duration latency) {
        events.add("endToEnd");
    }

    @Override
    public void templateFallback(String template, Language requested, Language used) {
        events.add("fallback " + template + " " + requested.code() + "->" + used.code());
    }

    @Override
    public void inDoubt(int count) {
        events.add("inDoubt " + count);
    }

    @Override
    public void unrecordedWindow(Duration window) {
    }

    @Override
    public void outcomeNotPublished() {
        events.add("outcomeNotPublished");
    }

    @Override
    public void batchStage(BatchStage stage, Duration took) {
        stages.add(stage);
        if (stage == BatchStage.WAITED) {
            waits.add(took);
        }
    }
}
