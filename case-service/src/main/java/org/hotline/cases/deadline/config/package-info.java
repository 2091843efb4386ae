/** Where the calendar's and the clocks' files live, and loading them at start. */
@NullMarked
package org.hotline.cases.deadline.config;

import org.jspecify.annotations.NullMarked;
