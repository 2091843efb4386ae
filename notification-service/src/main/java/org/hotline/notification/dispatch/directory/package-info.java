/**
 * The routing directory's files as emails need them: its bodies, read from {@code authorities.yml} (the case
 * service's reminders and escalations name bodies by id, and their letters need each body's name, address and
 * language), and the names of its administrative units, read from {@code units.yml} (a place is named, not shown
 * by its code).
 */
@NullMarked
package org.hotline.notification.dispatch.directory;

import org.jspecify.annotations.NullMarked;
