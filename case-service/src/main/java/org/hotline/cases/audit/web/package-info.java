/** Records every authenticated request to a staff endpoint in the audit trail. */
@NullMarked
package org.hotline.cases.audit.web;

import org.jspecify.annotations.NullMarked;
