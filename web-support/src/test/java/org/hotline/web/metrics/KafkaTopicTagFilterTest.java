package org.hotline.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Max;
import org.junit.jupiter.api.Test;

class KafkaTopicTagFilterTest {

    private static final String LAG_MAX = "kafka.consumer.fetch.manager.records.lag.max";

    private final MeterRegistry meters = new SimpleMeterRegistry();
    /** The consumer's own metrics, as Kafka 4.1 registers a partition's lag: under both forms of a dotted topic. */
    private final Metrics kafka = new Metrics();

    KafkaTopicTagFilterTest() {
        meters.config().meterFilter(new KafkaTopicTagFilter());
    }

    @Test
    void keepsTheLagOfADottedTopicOnceUnderItsOwnName() {
        // given the lag of complaints.received.v1 partition 0, with its deprecated copy, as the consumer reports it
        partitionLag("complaints.received.v1", 42);
        partitionLag("complaints_received_v1", 42);

        // when Micrometer binds the consumer's metrics
        try (KafkaClientMetrics binding = new KafkaClientMetrics(consumerWith(kafka))) {
            binding.bindTo(meters);

            // then one series is left, named for the topic
            assertThat(meters.find(LAG_MAX).gauges()).extracting(gauge -> gauge.getId().getTag("topic"))
                    .containsExactly("complaints.received.v1");
            assertThat(meters.get(LAG_MAX).gauge().value()).isEqualTo(42.0);
        }
    }

    @Test
    void keepsTopicsWithoutUnderscoresAndMetersOtherThanKafkasWhateverTheirTopic() {
        // given a Kafka Streams changelog (hyphens) and another library's meter tagged with an underscored name
        partitionLag("case-service-case-files-changelog", 3);
        Gauge.builder("hotline.other", () -> 1).tag("topic", "some_topic").register(meters);

        // when
        try (KafkaClientMetrics binding = new KafkaClientMetrics(consumerWith(kafka))) {
            binding.bindTo(meters);

            // then both stay
            assertThat(meters.find(LAG_MAX).tag("topic", "case-service-case-files-changelog").gauges()).hasSize(1);
            assertThat(meters.find("hotline.other").gauges()).hasSize(1);
        }
    }

    private void partitionLag(String topic, long lag) {
        Sensor sensor = kafka.sensor(topic + "-0.records-lag");
        MetricName name = kafka.metricName("records-lag-max", "consumer-fetch-manager-metrics",
                Map.of("client-id", "consumer-test-1", "topic", topic, "partition", "0"));
        sensor.add(name, new Max());
        sensor.record(lag);
    }

    private static MockConsumer<byte[], byte[]> consumerWith(Metrics kafka) {
        return new MockConsumer<>("earliest") {
            @Override
            public synchronized Map<MetricName, ? extends Metric> metrics() {
                return kafka.metrics();
            }
        };
    }
}
