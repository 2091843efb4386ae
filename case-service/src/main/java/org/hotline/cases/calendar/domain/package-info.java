/** Working days in Kazakhstan: weekends, public holidays, their shifts and the government's transfers. */
@NullMarked
package org.hotline.cases.calendar.domain;

import org.jspecify.annotations.NullMarked;
