package org.hotline.notification.dispatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The senders: one thread and one SMTP connection each, {@code connections} of them. A connection stays open while
 * messages come and is closed after {@code idleTimeout} without any. Starts before the Kafka consumer and stops
 * after it, letting each sender finish the batch in hand and record its results.
 */
public final class SenderPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SenderPool.class);

    private final Dispatcher dispatcher;
    private final int connections;
    private final Duration pollInterval;
    private final Duration idleTimeout;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public SenderPool(Dispatcher dispatcher, int connections, Duration pollInterval, Duration idleTimeout) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.pollInterval = pollInterval;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= connections; i++) {
            Thread sender = new Thread(this::sendForever, "notification-sender-" + i);
            sender.setDaemon(true);
            threads.add(sender);
            sender.start();
        }
    }

    private void sendForever() {
        try (Dispatcher.Connection connection = new Dispatcher.Connection()) {
            long lastUsed = System.nanoTime();
            while (running) {
                int handled;
                try {
                    handled = dispatcher.sendDue(connection);
                } catch (RuntimeException e) {
                    log.error("sending failed; the connection is closed and the sender goes on", e);
                    connection.close();
                    handled = 0;
                }
                if (handled > 0) {
                    lastUsed = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - lastUsed > idleTimeout.toNanos()) {
                    connection.close();
                }
                dispatcher.awaitWork(pollInterval);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        dispatcher.stop();
        for (Thread sender : threads) {
            try {
                sender.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
