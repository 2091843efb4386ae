package org.hotline.deadlines.domain;

import java.time.LocalDate;

/**
 * A government resolution moving a day off (Labour Code, art. 85 para. 3): {@code from}, a weekend day, becomes
 * a working day, and {@code to}, a working day, becomes a day off.
 */
public record DayOffTransfer(LocalDate from, LocalDate to) {
}
