package org.hotline.cases.casefile.domain;

import org.jspecify.annotations.Nullable;

/**
 * The facts of a complaint that decide whom it may be escalated to, copied from routing's decision: categories of
 * the workplace and of the accused, and the region, nothing that identifies anyone. A body that oversees the accused is never
 * a rung (docs/case.md, "Escalation ladder").
 *
 * @param sector the workplace's sector ({@code PUBLIC}, {@code PRIVATE}, ...), when given
 * @param workplaceType {@code SCHOOL}, {@code GOVERNMENT_BODY}, ..., when given
 * @param accusedRole {@code HEAD_OF_ORGANIZATION}, {@code SUPERVISOR}, ..., when given
 * @param publicOfficial whether the accused is a public official
 * @param region where it happened, as routing normalised it ({@code KZ-39}), for the overdue count by region;
 *     null in files written before it was kept, or when routing had none
 */
public record Circumstances(@Nullable String sector, @Nullable String workplaceType, @Nullable String accusedRole,
        boolean publicOfficial, @Nullable String region) {

    public static final Circumstances UNKNOWN = new Circumstances(null, null, null, false, null);

    public Circumstances(@Nullable String sector, @Nullable String workplaceType, @Nullable String accusedRole,
            boolean publicOfficial) {
        this(sector, workplaceType, accusedRole, publicOfficial, null);
    }
}
