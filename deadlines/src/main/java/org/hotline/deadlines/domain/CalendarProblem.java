package org.hotline.deadlines.domain;

/** One mistake in the calendar's files: where it is and what is wrong, for the NGO's data steward. */
public record CalendarProblem(String file, int line, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + problem;
    }
}
