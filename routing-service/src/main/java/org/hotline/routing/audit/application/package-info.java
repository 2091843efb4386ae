/** The audit trail of staff and admin actions, as a port: who did what, when, and how it ended. */
@NullMarked
package org.hotline.routing.audit.application;

import org.jspecify.annotations.NullMarked;
