/** Acknowledgement links for the bodies' emails: the signed token the case service checks. */
@NullMarked
package org.hotline.notification.acknowledgement.domain;

import org.jspecify.annotations.NullMarked;
