/** Wiring of the audit trail and its settings. */
@NullMarked
package org.hotline.routing.audit.config;

import org.jspecify.annotations.NullMarked;
