/** The complaints' data keys as the local store that follows their topic holds them. */
@NullMarked
package org.hotline.notification.sealing.messaging;

import org.jspecify.annotations.NullMarked;
