package org.hotline.routing.rules.domain;

import org.hotline.routing.directory.domain.Authority;

/**
 * One body in a decision, with the rule that put it there and why.
 *
 * @param jurisdiction the code of the unit the body covers (ISO 3166-2, KATO, or the country code)
 * @param reason why, in English and in the languages the rules translate it to
 */
public record Assignment(Authority authority, Role role, String jurisdiction, String ruleId, Reason reason) {
}
