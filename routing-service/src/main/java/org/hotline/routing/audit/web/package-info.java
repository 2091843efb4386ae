/** Records every authenticated request to a staff or admin endpoint in the audit trail. */
@NullMarked
package org.hotline.routing.audit.web;

import org.jspecify.annotations.NullMarked;
