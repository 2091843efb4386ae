/** The audit trail written as a structured log line and as {@code StaffActionAudited} on {@code audit.events.v1}. */
@NullMarked
package org.hotline.routing.audit.messaging;

import org.jspecify.annotations.NullMarked;
