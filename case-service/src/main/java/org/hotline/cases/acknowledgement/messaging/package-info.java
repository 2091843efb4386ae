/** AssignmentAcknowledged on cases.events.v1. */
@NullMarked
package org.hotline.cases.acknowledgement.messaging;

import org.jspecify.annotations.NullMarked;
