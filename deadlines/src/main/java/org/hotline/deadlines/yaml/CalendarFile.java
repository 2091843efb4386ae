package org.hotline.deadlines.yaml;

/** One file of the calendar as read: its name (for error messages, and it must be {@code <year>.yml}) and bytes. */
public record CalendarFile(String name, byte[] content) {
}
