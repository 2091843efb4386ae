/** Signed acknowledgement links: bound to a complaint, a body, a purpose and an expiry. */
@NullMarked
package org.hotline.cases.acknowledgement.domain;

import org.jspecify.annotations.NullMarked;
