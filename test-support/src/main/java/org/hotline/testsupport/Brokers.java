package org.hotline.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, broker and controller in one) in the test's JVM. */
public final class Brokers {

    private Brokers() {
    }

    /**
     * Starts one broker, creating {@code topics} with {@code partitions} each. A single node holds one replica of
     * everything, the transaction state and the consumer offsets included (their defaults of three would leave
     * every transaction waiting); topics are never created by a client's mere mention, as in production. The caller
     * destroys it.
     */
    public static EmbeddedKafkaKraftBroker start(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        return broker;
    }
}
