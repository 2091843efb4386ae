/** Reading and checking the YAML files of the calendar and the clocks. */
@NullMarked
package org.hotline.cases.deadline.application;

import org.jspecify.annotations.NullMarked;
