package org.hotline.deadlines.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.hotline.deadlines.domain.CalendarProblem;
import org.hotline.deadlines.domain.Clock;
import org.hotline.deadlines.domain.InvalidCalendarException;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link StatutoryClocks} from {@code clocks.yml}: a {@code default} line with both deadlines, lines
 * {@code byAuthorityType} and {@code byAuthority} (authority ids of the directory) that override either. The
 * published schema (docs/schemas/data/clocks.schema.json) states all of it, so every problem comes from it, with its
 * line; any problem fails the load.
 */
public final class ClocksLoader {

    /** The authority types of ComplaintRouted v1 (docs/schemas/complaint-routed.v1.schema.json). */
    public static final Set<String> AUTHORITY_TYPES = Set.of("POLICE", "PROSECUTOR", "ANTI_CORRUPTION",
            "LABOUR_INSPECTION", "EDUCATION_AUTHORITY", "OMBUDSMAN", "CHILDREN_OMBUDSMAN", "CRISIS_CENTER",
            "NGO_LEGAL_AID", "TRIAGE");
    private static final DataFileSchema SCHEMA = DataFileSchema.load("clocks.schema.json");

    /** @throws InvalidCalendarException listing every problem found, each with its line */
    public StatutoryClocks load(CalendarFile file, WorkingCalendar calendar, ZoneId zone) {
        DataFile data = SCHEMA.read(file.name(), file.content());
        ClocksFile read = data.bind(ClocksFile.class);
        Clock defaults = read == null || read.defaults() == null ? null : read.defaults().clock();
        if (data.hasProblems() || read == null || defaults == null) {
            throw new InvalidCalendarException(data.problems().stream()
                    .map(problem -> new CalendarProblem(problem.file(), problem.line(), problem.problem())).toList());
        }
        return new StatutoryClocks(calendar, zone, defaults, clocks(read.byAuthorityType()),
                clocks(read.byAuthority()));
    }

    private static Map<String, Clock> clocks(@Nullable Map<String, ClockEntry> entries) {
        Map<String, Clock> clocks = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach((name, entry) -> {
                Clock clock = entry == null ? null : entry.clock();
                if (clock != null) {
                    clocks.put(name.strip(), clock);
                }
            });
        }
        return clocks;
    }

    /** clocks.yml as its schema gives it; a value the schema refused is null. */
    record ClocksFile(@JsonProperty("default") @Nullable ClockEntry defaults,
            @Nullable Map<String, ClockEntry> byAuthorityType, @Nullable Map<String, ClockEntry> byAuthority) {
    }

    record ClockEntry(@Nullable Integer acknowledgeWorkingDays, @Nullable Integer answerWorkingDays) {

        @Nullable Clock clock() {
            return acknowledgeWorkingDays == null && answerWorkingDays == null ? null
                    : new Clock(acknowledgeWorkingDays, answerWorkingDays);
        }
    }
}
