/** The audit trail of staff actions, as a port: who did what, when, and how it ended. */
@NullMarked
package org.hotline.cases.audit.application;

import org.jspecify.annotations.NullMarked;
