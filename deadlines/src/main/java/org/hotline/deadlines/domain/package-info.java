/**
 * The deadlines of the bodies: working days in Kazakhstan (weekends, public holidays, their shifts and the
 * government's transfers) and the statutory clocks that count them.
 */
@NullMarked
package org.hotline.deadlines.domain;

import org.jspecify.annotations.NullMarked;
