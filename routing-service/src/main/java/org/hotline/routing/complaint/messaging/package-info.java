/** The Kafka side: ComplaintReceived in, ComplaintRouted out, dead letters. */
@NullMarked
package org.hotline.routing.complaint.messaging;

import org.jspecify.annotations.NullMarked;
