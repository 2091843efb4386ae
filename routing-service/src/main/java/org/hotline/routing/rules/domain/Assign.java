package org.hotline.routing.rules.domain;

import org.hotline.routing.directory.domain.AuthorityType;

/**
 * What a rule asks for: a type of body, in a role, at the levels its policy allows.
 *
 * @param role PRIMARY makes the body a candidate to lead; the decision's one PRIMARY is chosen among all
 *     candidates by the rule book's priority, and the others are kept as COPY
 * @param reason why, in words a caseworker reads in the decision, in English and any translations the rules give
 */
public record Assign(AuthorityType type, Role role, LevelPolicy level, Reason reason) {

    /** An assignment whose reason is in English only. */
    public Assign(AuthorityType type, Role role, LevelPolicy level, String reason) {
        this(type, role, level, Reason.english(reason));
    }
}
