package org.hotline.deadlines.domain;

import java.time.LocalDate;

/**
 * A public holiday (a day off by law).
 *
 * @param religious true for the religious holidays (Orthodox Christmas, the first day of Kurban Ait): the
 *     Labour Code does not move them to the next working day when they fall on a weekend
 */
public record Holiday(LocalDate date, String name, boolean religious) {
}
