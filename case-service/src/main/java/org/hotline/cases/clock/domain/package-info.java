/** The clock the service reads the day from, and the simulated clock of the dev profile. */
@NullMarked
package org.hotline.cases.clock.domain;

import org.jspecify.annotations.NullMarked;
