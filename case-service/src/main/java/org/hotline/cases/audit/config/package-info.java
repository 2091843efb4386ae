/** Wiring of the audit trail. */
@NullMarked
package org.hotline.cases.audit.config;

import org.jspecify.annotations.NullMarked;
