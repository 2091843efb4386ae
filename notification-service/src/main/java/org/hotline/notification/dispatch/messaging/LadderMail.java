package org.hotline.notification.dispatch.messaging;

import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.config.SenderPool;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.springframework.context.SmartLifecycle;

/**
 * The letters of the case service's escalation ladders, a pipeline beside the routed complaints' one and built the
 * same way: a consumer of {@code cases.events.v1}, a dispatcher, its senders and its own ledger. Kept apart so that
 * the two topics' partitions can be owned by different instances, each fencing only its own ledger partitions.
 * Not made of beans: a second {@link Dispatcher} or {@link KafkaLedger} bean would be a second candidate wherever
 * the routed ones are injected.
 */
public final class LadderMail implements SmartLifecycle, AutoCloseable {

    private final SourceConsumer consumer;
    private final Dispatcher dispatcher;
    private final SenderPool senders;
    private final KafkaLedger ledger;
    private volatile boolean running;

    LadderMail(SourceConsumer consumer, Dispatcher dispatcher, SenderPool senders, KafkaLedger ledger) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.senders = senders;
        this.ledger = ledger;
    }

    @Override
    public void start() {
        senders.start();
        consumer.start();
        running = true;
    }

    /** The consumer first, then the senders, letting them settle the batch in hand. */
    @Override
    public void stop() {
        running = false;
        consumer.stop();
        senders.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts and stops with the routed complaints' consumer. */
    @Override
    public int getPhase() {
        return consumer.getPhase();
    }

    /** Letters taken from Kafka and not yet settled. */
    public int backlog() {
        return dispatcher.backlog();
    }

    /** Letters whose latest state the ledger holds in memory. */
    public int known() {
        return ledger.known();
    }

    public boolean writable() {
        return ledger.writable();
    }

    @Override
    public void close() {
        ledger.close();
    }
}
