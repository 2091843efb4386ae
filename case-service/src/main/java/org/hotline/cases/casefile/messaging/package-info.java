/** The case files kept in Kafka Streams state stores, fed by the complaint, notification and case topics. */
@NullMarked
package org.hotline.cases.casefile.messaging;

import org.jspecify.annotations.NullMarked;
