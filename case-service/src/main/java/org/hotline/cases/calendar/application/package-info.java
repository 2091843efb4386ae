/** Reading and checking the calendar's YAML files. */
@NullMarked
package org.hotline.cases.calendar.application;

import org.jspecify.annotations.NullMarked;
