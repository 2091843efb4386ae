package org.hotline.cases.calendar.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the working-day calendar lives ({@code hotline.cases.calendar.*}).
 *
 * @param location the folder holding one {@code <year>.yml} per year, as a Spring resource location:
 *     {@code file:/etc/hotline/calendar/} for an NGO's own folder, or the bundled {@code classpath:calendar/kz/}.
 *     Read at start only: a changed calendar takes effect on restart, and only for deadlines computed after it
 *     (deadlines already given to a body are not moved). Must end with a slash.
 */
@Validated
@ConfigurationProperties("hotline.cases.calendar")
public record CalendarProperties(
        @DefaultValue("classpath:calendar/kz/") @NotBlank @Pattern(regexp = ".*/", message = "must end with /")
        String location) {
}
