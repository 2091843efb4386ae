package org.hotline.deadlines.domain;

import org.jspecify.annotations.Nullable;

/**
 * Working days a body has, as one line of the clocks file states them; a missing value is taken from the next
 * less specific line.
 *
 * @param acknowledgeWorkingDays to confirm receipt with its registration number
 * @param answerWorkingDays to answer on the merits
 */
public record Clock(@Nullable Integer acknowledgeWorkingDays, @Nullable Integer answerWorkingDays) {
}
