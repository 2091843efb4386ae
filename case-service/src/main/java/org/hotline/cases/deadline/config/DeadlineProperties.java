package org.hotline.cases.deadline.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the working-day calendar and the statutory clocks live ({@code hotline.cases.deadlines.*}). Both are read
 * at start only: a change takes effect on restart, and only for deadlines computed after it (a deadline already
 * given to a body does not move). Routing dates each body's first deadlines with its own
 * {@code hotline.routing.deadlines.*}, which must name the same files; this service counts the escalations' and
 * those of decisions routing did not date.
 *
 * @param calendarLocation the folder holding one {@code <year>.yml} per year, as a Spring resource location:
 *     {@code file:/etc/hotline/calendar/} for an NGO's own folder, or the bundled {@code classpath:calendar/kz/}.
 *     Must end with a slash.
 * @param clocksLocation the clocks file, e.g. {@code file:/etc/hotline/clocks.yml} or the bundled
 *     {@code classpath:clocks/kz/clocks.yml}
 * @param zone the time zone in which the day of receipt is taken; Kazakhstan has one zone, UTC+5, since 2024
 */
@Validated
@ConfigurationProperties("hotline.cases.deadlines")
public record DeadlineProperties(
        @DefaultValue("classpath:calendar/kz/") @NotBlank @Pattern(regexp = ".*/", message = "must end with /")
        String calendarLocation,
        @DefaultValue("classpath:clocks/kz/clocks.yml") @NotBlank String clocksLocation,
        @DefaultValue("Asia/Almaty") @NotNull ZoneId zone) {
}
