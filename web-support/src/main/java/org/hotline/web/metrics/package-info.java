/**
 * What every service does to its meters before Prometheus reads them: one series per Kafka topic
 * ({@link org.hotline.web.metrics.KafkaTopicTagFilter}). A plain class that each service declares as a bean (Spring
 * Boot applies {@code MeterFilter} beans to its registry), like the rest of this library.
 */
@NullMarked
package org.hotline.web.metrics;

import org.jspecify.annotations.NullMarked;
