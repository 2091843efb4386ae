/** What the case service's own producers (outside Kafka Streams) share. */
@NullMarked
package org.hotline.cases.kafka;

import org.jspecify.annotations.NullMarked;
