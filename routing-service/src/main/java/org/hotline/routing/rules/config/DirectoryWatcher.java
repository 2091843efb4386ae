package org.hotline.routing.rules.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Compares the directory's files with the loaded ones every {@code check-interval} and reloads on a change.
 * Comparing contents rather than modification times works for any resource location and for editors that
 * replace a file by renaming.
 */
final class DirectoryWatcher implements SmartLifecycle {

    private final CurrentRoutingEngine directory;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    DirectoryWatcher(CurrentRoutingEngine directory, Duration interval) {
        this.directory = directory;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "directory-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(directory::reloadIfChanged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
