/**
 * The audit trail of staff actions, shared by the services with staff endpoints: a filter in the security chain
 * that records each answered request of an authenticated account, and the trail that writes it to the {@code audit}
 * log and to {@code audit.events.v1} ({@code StaffActionAudited} v1, docs/events.md).
 */
@NullMarked
package org.hotline.web.audit;

import org.jspecify.annotations.NullMarked;
