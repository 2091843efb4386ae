/** The ledger of what was planned and sent, on a compacted Kafka topic partitioned like the routed events. */
@NullMarked
package org.hotline.notification.dispatch.ledger;

import org.jspecify.annotations.NullMarked;
