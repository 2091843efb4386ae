package org.hotline.routing.rules.domain;

import java.util.List;
import org.hotline.routing.directory.domain.AuthorityType;

/**
 * The rules as data, with the policies that are not rules of their own.
 *
 * @param version the version the NGO gives its rules, such as {@code kz-sample-2026.11}
 * @param primaryPriority the order in which candidate types lead a decision: crime before corruption before
 *     labour before the rest; a type not listed comes after all listed ones
 * @param triageAuthority the id of the triage desk that takes anonymous appeals other bodies refuse and
 *     every undecidable complaint
 * @param anonymity the rule id and reason quoted when triage stands in for a body that refuses anonymous appeals
 * @param fallback the rule id and reason quoted when triage leads because nothing else could
 */
public record RuleBook(String version, List<Rule> rules, List<AuthorityType> primaryPriority,
        String triageAuthority, Policy anonymity, Policy fallback) {

    public RuleBook {
        rules = List.copyOf(rules);
        primaryPriority = List.copyOf(primaryPriority);
    }

    /** A built-in step of the engine, named and explained in the rules file. */
    public record Policy(String id, Reason reason) {
    }
}
