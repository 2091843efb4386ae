/**
 * The routing directory's bodies, read from its {@code authorities.yml}: the case service's reminders and
 * escalations name bodies by id, and their letters need each body's name, address and language.
 */
@NullMarked
package org.hotline.notification.dispatch.directory;

import org.jspecify.annotations.NullMarked;
