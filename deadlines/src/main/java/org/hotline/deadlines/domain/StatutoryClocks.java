package org.hotline.deadlines.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The deadlines of each body, counted in working days on the {@link WorkingCalendar} from the first working day
 * after the day the complaint was received (in the calendar's time zone, Asia/Almaty). Each value comes from the
 * most specific source that states it:
 * <ol>
 *   <li>the clocks file's line for the authority id;</li>
 *   <li>for the answer, the directory's {@code answerDeadlineWorkingDays}, which routing copies into each
 *       assignment;</li>
 *   <li>the clocks file's line for the authority type (police and prosecutors register a report of a crime at
 *       once: one working day to acknowledge);</li>
 *   <li>the default: 3 working days to acknowledge (the hotline's policy), 15 to answer (Administrative Procedural
 *       and Process Code, art. 76).</li>
 * </ol>
 */
public final class StatutoryClocks {

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final Clock defaults;
    private final Map<String, Clock> byAuthorityType;
    private final Map<String, Clock> byAuthority;

    public StatutoryClocks(WorkingCalendar calendar, ZoneId zone, Clock defaults, Map<String, Clock> byAuthorityType,
            Map<String, Clock> byAuthority) {
        if (defaults.acknowledgeWorkingDays() == null || defaults.answerWorkingDays() == null) {
            throw new IllegalArgumentException("the default clock must state both deadlines");
        }
        this.calendar = calendar;
        this.zone = zone;
        this.defaults = defaults;
        this.byAuthorityType = Map.copyOf(byAuthorityType);
        this.byAuthority = Map.copyOf(byAuthority);
    }

    /**
     * @param directoryAnswerWorkingDays the directory's answer deadline for the body, when routing gave one
     */
    public Deadlines deadlines(String authorityId, String authorityType, @Nullable Integer directoryAnswerWorkingDays,
            Instant receivedAt) {
        Clock own = byAuthority.getOrDefault(authorityId, new Clock(null, null));
        Clock type = byAuthorityType.getOrDefault(authorityType, new Clock(null, null));
        int acknowledge = first(own.acknowledgeWorkingDays(), type.acknowledgeWorkingDays(),
                defaults.acknowledgeWorkingDays());
        int answer = first(own.answerWorkingDays(), directoryAnswerWorkingDays, type.answerWorkingDays(),
                defaults.answerWorkingDays());
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, zone);
        return new Deadlines(calendar.workingDaysAfter(receivedOn, acknowledge),
                calendar.workingDaysAfter(receivedOn, answer));
    }

    private static int first(@Nullable Integer... values) {
        for (Integer value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalStateException("the default clock states every value");
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "StatutoryClocks[default=" + defaults + ", types=" + byAuthorityType.keySet() + ", authorities="
                + byAuthority.keySet() + ", zone=" + Objects.toString(zone) + "]";
    }
}
