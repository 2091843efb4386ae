/** The audit trail written as a structured log line. */
@NullMarked
package org.hotline.cases.audit.logging;

import org.jspecify.annotations.NullMarked;
