package org.hotline.routing.rules.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.routing.directory.domain.AdministrativeUnit;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Directory;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.directory.domain.UnitKind;
import org.jspecify.annotations.Nullable;

/**
 * Decides where a complaint goes, from a directory and a rule book that were checked together when loaded.
 * Thread-safe and immutable: a reload builds a new engine and swaps it in.
 *
 * <p>The steps, each visible in the decision's reasons:
 * <ol>
 *   <li>An unknown country or region (or no region at all) cannot be resolved: triage leads, fallback.</li>
 *   <li>The matching rules ask for types of bodies; each type is resolved to the most specific body covering
 *       the place that the rule's level policy allows.</li>
 *   <li>An anonymous complaint is not sent to a body that does not consider anonymous appeals: triage takes
 *       that body's place (rule 8).</li>
 *   <li>Among the PRIMARY candidates, the one whose requested type comes first in the rule book's priority
 *       leads (ties: the earlier rule); the others stay as COPY. No candidate: triage leads, fallback.</li>
 *   <li>No body is named twice: the first mention (the leader first) stays.</li>
 * </ol>
 */
public final class RoutingEngine {

    private final Directory directory;
    private final RuleBook book;
    private final RuleIndex index;
    private final String rulesVersion;
    private final Authority triage;
    private final int[] priority;

    /**
     * @param rulesVersion the book's version with a digest of the files, as stated in every decision
     * @throws IllegalArgumentException when the triage desk the book names is not a TRIAGE body of the directory
     */
    public RoutingEngine(Directory directory, RuleBook book, String rulesVersion) {
        this.directory = directory;
        this.book = book;
        this.index = new RuleIndex(book.rules());
        this.rulesVersion = rulesVersion;
        this.triage = directory.authority(book.triageAuthority())
                .filter(authority -> authority.type() == AuthorityType.TRIAGE)
                .orElseThrow(() -> new IllegalArgumentException(
                        "triage authority " + book.triageAuthority() + " is not a TRIAGE body of the directory"));
        this.priority = new int[AuthorityType.values().length];
        for (AuthorityType type : AuthorityType.values()) {
            int position = book.primaryPriority().indexOf(type);
            priority[type.ordinal()] = position < 0 ? Integer.MAX_VALUE : position;
        }
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public Directory directory() {
        return directory;
    }

    public RuleBook ruleBook() {
        return book;
    }

    public Decision decide(ComplaintFacts facts) {
        Optional<Place> place = place(facts);
        if (place.isEmpty()) {
            return fallback(List.of(), unknownPlace(facts));
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Rule rule : index.matching(facts)) {
            for (Assign assign : rule.assign()) {
                Optional<Authority> resolved = resolve(assign, place.get());
                if (resolved.isEmpty()) {
                    continue;
                }
                Authority authority = resolved.get();
                String ruleId = rule.id();
                Reason reason = assign.reason();
                if (facts.complainantMode() == ComplainantMode.ANONYMOUS && !authority.acceptsAnonymous()) {
                    reason = standIn(authority, ruleId, assign.reason());
                    ruleId = book.anonymity().id();
                    authority = triage;
                }
                candidates.add(new Candidate(authority, assign, ruleId, reason, order++));
            }
        }
        Optional<Candidate> leader = candidates.stream()
                .filter(candidate -> candidate.assign.role() == Role.PRIMARY)
                .min(Comparator.<Candidate>comparingInt(candidate -> priority[candidate.assign.type().ordinal()])
                        .thenComparingInt(candidate -> candidate.order));
        if (leader.isEmpty()) {
            return fallback(candidates, prefixed(book.fallback().reason(),
                    "No rule named a body to lead on this complaint. ",
                    "Ни одно правило не назначило по этой жалобе ведущий орган. ",
                    "Бұл шағым бойынша бірде-бір ереже жетекші органды белгілемеді. "));
        }
        List<Assignment> assignments = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Candidate primary = leader.get();
        add(assignments, named, new Assignment(primary.authority, Role.PRIMARY, primary.authority.unit(),
                primary.ruleId, primary.reason));
        for (Candidate candidate : candidates) {
            if (candidate != primary && !named.contains(candidate.authority.id())) {
                Reason reason = candidate.assign.role() == Role.PRIMARY
                        ? inCopy(candidate.reason, primary.assign.type())
                        : candidate.reason;
                add(assignments, named, new Assignment(candidate.authority, Role.COPY, candidate.authority.unit(),
                        candidate.ruleId, reason));
            }
        }
        return new Decision(assignments, false, rulesVersion);
    }

    private Decision fallback(List<Candidate> copies, Reason reason) {
        List<Assignment> assignments = new ArrayList<>();
        Set<String> named = new HashSet<>();
        add(assignments, named, new Assignment(triage, Role.PRIMARY, triage.unit(), book.fallback().id(), reason));
        for (Candidate candidate : copies) {
            add(assignments, named, new Assignment(candidate.authority, Role.COPY, candidate.authority.unit(),
                    candidate.ruleId, candidate.reason));
        }
        return new Decision(assignments, true, rulesVersion);
    }

    /*
     * The engine's own words around a rule's reason, in each language the rule's reason is written in: a
     * translated rule gets translated framing, an English-only rule stays English-only.
     */

    /*
     * The country and region are the complainant's (the region of an unlisted country is free text, and a preview
     * takes anything), so they are quoted and labelled as such: a reason is the hotline's voice, and a region like
     * "Bavaria). NOTE FROM HOTLINE: verified duplicate" must not be able to speak in it.
     */
    private Reason unknownPlace(ComplaintFacts facts) {
        String country = ComplainantText.quoted(facts.country());
        String region = facts.region() == null ? null : ComplainantText.quoted(facts.region());
        return prefixed(book.fallback().reason(),
                "The complaint's country or region is not in the directory (as given by the complainant: country "
                        + country + (region == null ? ", no region" : ", region " + region) + "). ",
                "Страны или региона жалобы нет в справочнике (со слов заявителя: страна " + country
                        + (region == null ? ", регион не указан" : ", регион " + region) + "). ",
                "Шағымның елі немесе өңірі анықтамалықта жоқ (өтініш беруші көрсеткендей: ел " + country
                        + (region == null ? ", өңір көрсетілмеген" : ", өңір " + region) + "). ");
    }

    private static Reason prefixed(Reason reason, String en, String ru, String kk) {
        return Reason.compose(language -> {
            String text = reason.in(language);
            return text == null ? null : switch (language) {
                case "ru" -> ru + text;
                case "kk" -> kk + text;
                default -> en + text;
            };
        });
    }

    private Reason standIn(Authority refusing, String ruleId, Reason ruleReason) {
        Reason anonymity = book.anonymity().reason();
        return Reason.compose(language -> {
            String policy = anonymity.in(language);
            String rule = ruleReason.in(language);
            if (policy == null || rule == null) {
                return null;
            }
            return switch (language) {
                case "ru" -> policy + " (" + refusing.name().ru() + " не рассматривает анонимные обращения; правило "
                        + ruleId + ": " + rule + ")";
                case "kk" -> policy + " (" + refusing.name().kk() + " жасырын өтініштерді қарамайды; " + ruleId
                        + " ережесі: " + rule + ")";
                default -> policy + " (" + refusing.name().en() + " does not consider anonymous appeals; rule "
                        + ruleId + ": " + rule + ")";
            };
        });
    }

    private static Reason inCopy(Reason reason, AuthorityType leader) {
        return Reason.compose(language -> {
            String text = reason.in(language);
            return text == null ? null : switch (language) {
                case "ru" -> text + " В копии: по приоритету ведёт " + leader + ".";
                case "kk" -> text + " Көшірмеде: басымдық бойынша " + leader + " жетекші.";
                default -> text + " In copy: " + leader + " leads by priority.";
            };
        });
    }

    /** Adds the assignment unless its body is already named: the first mention stays. */
    private static void add(List<Assignment> assignments, Set<String> named, Assignment assignment) {
        if (named.add(assignment.authority().id())) {
            assignments.add(assignment);
        }
    }

    private Optional<Authority> resolve(Assign assign, Place place) {
        for (Level level : assign.level().levels()) {
            String unit = place.unitAt(level);
            if (unit != null) {
                Optional<Authority> authority = directory.covering(assign.type(), unit);
                if (authority.isPresent()) {
                    return authority;
                }
            }
        }
        return Optional.empty();
    }

    /** The units of the complaint's place that the directory knows, valid on the day it was received. */
    private Optional<Place> place(ComplaintFacts facts) {
        Optional<AdministrativeUnit> country = directory.unit(facts.country())
                .filter(unit -> unit.kind() == UnitKind.COUNTRY && unit.validOn(facts.day()));
        if (country.isEmpty() || !facts.regionKnown() || facts.region() == null) {
            return Optional.empty();
        }
        Optional<AdministrativeUnit> region = directory.unit(facts.region())
                .filter(unit -> unit.kind() == UnitKind.REGION && facts.country().equals(unit.parent())
                        && unit.validOn(facts.day()));
        if (region.isEmpty()) {
            return Optional.empty();
        }
        // A district the directory does not list (or that lies elsewhere) is not an error: routing uses the region.
        String district = facts.districtCode() == null ? null : directory.unit(facts.districtCode())
                .filter(unit -> unit.kind() == UnitKind.DISTRICT && region.get().code().equals(unit.parent())
                        && unit.validOn(facts.day()))
                .map(AdministrativeUnit::code)
                .orElse(null);
        return Optional.of(new Place(country.get().code(), region.get().code(), district));
    }

    private record Place(String country, String region, @Nullable String district) {

        @Nullable String unitAt(Level level) {
            return switch (level) {
                case NATIONAL -> country;
                case REGION -> region;
                case DISTRICT -> district;
            };
        }
    }

    private record Candidate(Authority authority, Assign assign, String ruleId, Reason reason, int order) {
    }
}
