/** The sealing keys, from configuration. */
@NullMarked
package org.hotline.notification.sealing.config;

import org.jspecify.annotations.NullMarked;
