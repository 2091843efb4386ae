package org.hotline.notification.dispatch.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher on its own thread. Starts in an early phase (before the Kafka bindings) so in-doubt
 * sends are flagged before new work arrives, and stops after them, letting the send in progress finish.
 */
final class DispatchScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchScheduler.class);

    private final Dispatcher dispatcher;
    private final Duration pollInterval;
    private volatile @Nullable ScheduledExecutorService executor;
    private volatile boolean stopping;

    DispatchScheduler(Dispatcher dispatcher, Duration pollInterval) {
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        stopping = false;
        dispatcher.recoverInDoubt();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    private void drain() {
        try {
            // Keep going while messages are due; wait for the next poll only when the outbox is idle. On stop,
            // finish the batch in progress and leave the rest in the outbox for the next start.
            int handled;
            do {
                handled = stopping ? 0 : dispatcher.dispatchDue();
            } while (handled > 0);
        } catch (RuntimeException e) {
            log.error("dispatching failed; retried at the next poll", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler == null) {
            return;
        }
        stopping = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
