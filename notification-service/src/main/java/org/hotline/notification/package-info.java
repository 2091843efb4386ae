/** The notification service: each routing decision turned into email to every party, in its language, once. */
@NullMarked
package org.hotline.notification;

import org.jspecify.annotations.NullMarked;
