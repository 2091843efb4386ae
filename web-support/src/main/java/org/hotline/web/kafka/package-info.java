/**
 * What the services share about their Kafka clients: the lag of their consumer groups as the broker sees it
 * ({@code hotline_kafka_consumer_group_lag}), which a paused, stuck or dead consumer cannot hide; the broker
 * readiness check; lz4-java's native library for Kafka's lz4 codec, which a service started from its Spring Boot jar
 * does not get on its own.
 */
@NullMarked
package org.hotline.web.kafka;

import org.jspecify.annotations.NullMarked;
