package org.hotline.cases.acknowledgement.application;

import org.hotline.cases.casefile.domain.Answer;
import org.jspecify.annotations.Nullable;

/**
 * Who recorded an acknowledgement or an answer: the body through its link, or a caseworker from a letter or a
 * call, named by the staff account's name (configuration's, never a complainant's).
 *
 * @param kind {@link Answer#BY_BODY} or {@link Answer#BY_CASEWORKER}
 * @param principal the caseworker's account; null for the body
 */
public record RecordedBy(String kind, @Nullable String principal) {

    public static final RecordedBy BODY = new RecordedBy(Answer.BY_BODY, null);

    public static RecordedBy caseworker(String principal) {
        return new RecordedBy(Answer.BY_CASEWORKER, principal);
    }
}
