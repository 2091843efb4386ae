/** Where the calendar's files live, and loading them at start. */
@NullMarked
package org.hotline.cases.calendar.config;

import org.jspecify.annotations.NullMarked;
