package org.hotline.cases.casefile.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a complaint, by category, copied from routing's decision: what decides whom it may be escalated to
 * (the workplace and the accused), and what a rung is told of the complaint it did not receive first (what
 * happened, where, to whom). Codes and flags only: nothing that identifies anyone, and none of the complainant's
 * own words. A body that oversees the accused is never a rung (docs/case.md, "Escalation ladder").
 *
 * @param sector the workplace's sector ({@code PUBLIC}, {@code PRIVATE}, ...), when given
 * @param workplaceType {@code SCHOOL}, {@code GOVERNMENT_BODY}, ..., when given
 * @param accusedRole {@code HEAD_OF_ORGANIZATION}, {@code SUPERVISOR}, ..., when given
 * @param publicOfficial whether the accused is a public official
 * @param region where it happened, as routing normalised it ({@code KZ-39}), for the overdue count by region;
 *     null in files written before it was kept, or when routing had none
 * @param categories what happened ({@code SEXUAL_HARASSMENT}, {@code EXTORTION}, ...); empty in files written
 *     before they were kept
 * @param victimMinor whether the victim is a minor
 * @param immediateDanger whether the complainant said someone is in danger now
 */
public record Circumstances(@Nullable String sector, @Nullable String workplaceType, @Nullable String accusedRole,
        boolean publicOfficial, @Nullable String region, @Nullable List<String> categories,
        @Nullable Boolean victimMinor, @Nullable Boolean immediateDanger) {

    public static final Circumstances UNKNOWN = new Circumstances(null, null, null, false, null);

    /**
     * Fields added after the first case files were written are nullable here and read as empty or false: a file
     * written before them still reads (CaseFileCodec).
     */
    public Circumstances {
        categories = categories == null ? List.of() : List.copyOf(categories);
        victimMinor = Boolean.TRUE.equals(victimMinor);
        immediateDanger = Boolean.TRUE.equals(immediateDanger);
    }

    public Circumstances(@Nullable String sector, @Nullable String workplaceType, @Nullable String accusedRole,
            boolean publicOfficial, @Nullable String region) {
        this(sector, workplaceType, accusedRole, publicOfficial, region, List.of(), false, false);
    }

    public Circumstances(@Nullable String sector, @Nullable String workplaceType, @Nullable String accusedRole,
            boolean publicOfficial) {
        this(sector, workplaceType, accusedRole, publicOfficial, null);
    }

    @Override
    public List<String> categories() {
        return categories == null ? List.of() : categories;
    }

    /** Whether the victim is a minor; false in files written before it was kept. */
    public boolean minorVictim() {
        return Boolean.TRUE.equals(victimMinor);
    }

    /** Whether someone is in danger now; false in files written before it was kept. */
    public boolean dangerNow() {
        return Boolean.TRUE.equals(immediateDanger);
    }
}
