package org.hotline.deadlines.domain;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** One year of the calendar as its file states it: the weekly days off, the holidays and the transfers. */
public record CalendarYear(int year, Set<DayOfWeek> weekend, List<Holiday> holidays, List<DayOffTransfer> transfers) {

    public CalendarYear {
        weekend = Set.copyOf(weekend);
        holidays = List.copyOf(holidays);
        transfers = List.copyOf(transfers);
    }
}
