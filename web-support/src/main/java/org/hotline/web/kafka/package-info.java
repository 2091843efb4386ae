/**
 * What the services share about their Kafka consumers: the lag of their consumer groups as the broker sees it
 * ({@code hotline_kafka_consumer_group_lag}), which a paused, stuck or dead consumer cannot hide.
 */
@NullMarked
package org.hotline.web.kafka;

import org.jspecify.annotations.NullMarked;
