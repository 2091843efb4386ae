/** The link keys, base URL and validity, from configuration. */
@NullMarked
package org.hotline.notification.acknowledgement.config;

import org.jspecify.annotations.NullMarked;
