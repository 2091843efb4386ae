package org.hotline.routing.directory.domain;

import org.jspecify.annotations.Nullable;

/**
 * A body that can receive a complaint.
 *
 * @param unit the code of the administrative unit it covers
 * @param correspondenceLanguage the language it writes in (ISO 639-1: kk, ru or en)
 * @param acceptsAnonymous whether it considers anonymous appeals; when it does not, an anonymous complaint
 *     goes to triage in its place
 * @param answerDeadlineWorkingDays the legal deadline for its answer (15 working days for state bodies of
 *     Kazakhstan); null where the law sets none
 * @param superior the id of the body it escalates to; null at the top
 */
public record Authority(String id, AuthorityType type, Level level, String unit, LocalizedName name,
        String contactEmail, String correspondenceLanguage, boolean acceptsAnonymous,
        @Nullable Integer answerDeadlineWorkingDays, @Nullable String superior) {
}
