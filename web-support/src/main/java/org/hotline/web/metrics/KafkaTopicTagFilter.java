package org.hotline.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Denies the second copy of each Kafka client meter that Kafka 4 reports for a topic whose name has a dot.
 *
 * <p>Kafka's consumer registers its per-topic and per-partition fetch metrics ({@code records-lag-max},
 * {@code records-lag}, {@code records-lead}, {@code bytes-consumed-rate}, ...) with the topic's name, and again, for
 * a topic whose name has a dot, with the dots replaced by underscores: the old form, kept deprecated until Kafka 5
 * (KIP-1109; kafka-clients 4.1, {@code FetchMetricsManager.maybeRecordDeprecated*}). Micrometer's
 * {@code KafkaClientMetrics} binds both, so every such series was exported twice, as {@code
 * topic="complaints.received.v1"} and {@code topic="complaints_received_v1"}, and a {@code sum} counted it twice.
 *
 * <p>The copy is known by its {@code topic} tag alone: an underscore and no dot. Every topic of the hotline has
 * dots in its name (docs/events.md; Kafka Streams' own topics have hyphens), so none of them is named like that; a
 * topic named with underscores and no dot would lose its per-topic client meters here.
 */
public final class KafkaTopicTagFilter implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String topic = id.getTag("topic");
        boolean deprecatedCopy = id.getName().startsWith("kafka.") && topic != null && topic.indexOf('_') >= 0
                && topic.indexOf('.') < 0;
        return deprecatedCopy ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}
