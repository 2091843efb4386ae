package org.hotline.deadlines.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The calendar's files do not describe a consistent calendar; every problem found is listed. */
public class InvalidCalendarException extends RuntimeException {

    private final List<CalendarProblem> problems;

    public InvalidCalendarException(List<CalendarProblem> problems) {
        super(problems.size() + " problem(s) in the working-day calendar or the clocks:\n" + problems.stream()
                .map(CalendarProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CalendarProblem> problems() {
        return problems;
    }
}
