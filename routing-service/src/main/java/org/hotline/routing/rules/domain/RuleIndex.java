package org.hotline.routing.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rules compiled into bit sets, so that matching a complaint costs a few word-wide ANDs per fact instead of
 * evaluating every rule. For each fact and each value it can take, the index holds the set of conditions that
 * accept that value; a complaint's matching conditions are the AND of the sets of its values (for categories,
 * the OR over the categories it names). A rule matches when one of its {@code when} conditions is in that set
 * and none of its {@code unless} conditions is.
 */
final class RuleIndex {

    private final List<Rule> rules;
    private final Compiled when;
    private final Compiled unless;
    private final int ruleWords;

    RuleIndex(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        List<Condition> whenConditions = new ArrayList<>();
        List<Integer> whenOwners = new ArrayList<>();
        List<Condition> unlessConditions = new ArrayList<>();
        List<Integer> unlessOwners = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Condition condition : rules.get(r).when()) {
                whenConditions.add(condition);
                whenOwners.add(r);
            }
            for (Condition condition : rules.get(r).unless()) {
                unlessConditions.add(condition);
                unlessOwners.add(r);
            }
        }
        this.when = new Compiled(whenConditions, whenOwners);
        this.unless = new Compiled(unlessConditions, unlessOwners);
        this.ruleWords = words(rules.size());
    }

    /** The rules the complaint matches, in the order of the rules file. */
    List<Rule> matching(ComplaintFacts facts) {
        long[] matched = new long[ruleWords];
        when.markOwners(facts, matched, true);
        unless.markOwners(facts, matched, false);
        List<Rule> result = new ArrayList<>();
        for (int w = 0; w < matched.length; w++) {
            long word = matched[w];
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                result.add(rules.get(w * 64 + bit));
                word &= word - 1;
            }
        }
        return result;
    }

    private static int words(int bits) {
        return Math.max(1, (bits + 63) / 64);
    }

    /** One list of conditions, compiled fact by fact. */
    private static final class Compiled {

        private final int[] owners;
        private final int words;
        private final long[] anyCategory;
        private final long[][] byCategory;
        private final long[][] bySector;
        private final long[][] byWorkplaceType;
        private final long[][] byAccusedRole;
        private final long[][] byPublicOfficial;
        private final long[][] byMinor;
        private final long[][] byDanger;
        private final long[][] byMode;

        Compiled(List<Condition> conditions, List<Integer> owners) {
            this.owners = owners.stream().mapToInt(Integer::intValue).toArray();
            this.words = words(conditions.size());
            this.anyCategory = new long[words];
            this.byCategory = new long[Category.values().length][words];
            for (int i = 0; i < conditions.size(); i++) {
                Set<Category> categories = conditions.get(i).categories();
                if (categories.isEmpty()) {
                    set(anyCategory, i);
                }
                for (Category category : categories) {
                    set(byCategory[category.ordinal()], i);
                }
            }
            this.bySector = enumIndex(conditions, Sector.values(), Condition::sectors);
            this.byWorkplaceType = enumIndex(conditions, WorkplaceType.values(), Condition::workplaceTypes);
            this.byAccusedRole = enumIndex(conditions, AccusedRole.values(), Condition::accusedRoles);
            this.byMode = enumIndex(conditions, ComplainantMode.values(), Condition::complainantModes);
            this.byPublicOfficial = flagIndex(conditions, Condition::publicOfficial);
            this.byMinor = flagIndex(conditions, Condition::minor);
            this.byDanger = flagIndex(conditions, Condition::immediateDanger);
        }

        /** Sets (or clears) the owning rule's bit for every condition the complaint satisfies. */
        void markOwners(ComplaintFacts facts, long[] rules, boolean set) {
            if (owners.length == 0) {
                return;
            }
            long[] hits = anyCategory.clone();
            for (Category category : facts.categories()) {
                or(hits, byCategory[category.ordinal()]);
            }
            and(hits, bySector[slot(facts.sector(), Sector.values().length)]);
            and(hits, byWorkplaceType[slot(facts.workplaceType(), WorkplaceType.values().length)]);
            and(hits, byAccusedRole[slot(facts.accusedRole(), AccusedRole.values().length)]);
            and(hits, byMode[facts.complainantMode().ordinal()]);
            and(hits, byPublicOfficial[facts.publicOfficial() ? 1 : 0]);
            and(hits, byMinor[facts.minor() ? 1 : 0]);
            and(hits, byDanger[facts.immediateDanger() ? 1 : 0]);
            for (int w = 0; w < hits.length; w++) {
                long word = hits[w];
                while (word != 0) {
                    int owner = owners[w * 64 + Long.numberOfTrailingZeros(word)];
                    if (set) {
                        rules[owner >>> 6] |= 1L << owner;
                    } else {
                        rules[owner >>> 6] &= ~(1L << owner);
                    }
                    word &= word - 1;
                }
            }
        }

        /** One row per value plus a last row for "the complaint does not say". */
        private <E extends Enum<E>> long[][] enumIndex(List<Condition> conditions, E[] values,
                Function<Condition, Set<E>> accepted) {
            long[][] index = new long[values.length + 1][words];
            for (int i = 0; i < conditions.size(); i++) {
                Set<E> set = accepted.apply(conditions.get(i));
                for (int v = 0; v <= values.length; v++) {
                    if (set.isEmpty() || (v < values.length && set.contains(values[v]))) {
                        set(index[v], i);
                    }
                }
            }
            return index;
        }

        private long[][] flagIndex(List<Condition> conditions, Function<Condition, @Nullable Boolean> flag) {
            long[][] index = new long[2][words];
            for (int i = 0; i < conditions.size(); i++) {
                Boolean required = flag.apply(conditions.get(i));
                if (required == null || !required) {
                    set(index[0], i);
                }
                if (required == null || required) {
                    set(index[1], i);
                }
            }
            return index;
        }

        private static int slot(@Nullable Enum<?> value, int absent) {
            return value == null ? absent : value.ordinal();
        }

        private static void set(long[] bits, int index) {
            bits[index >>> 6] |= 1L << index;
        }

        private static void or(long[] target, long[] other) {
            for (int w = 0; w < target.length; w++) {
                target[w] |= other[w];
            }
        }

        private static void and(long[] target, long[] other) {
            for (int w = 0; w < target.length; w++) {
                target[w] &= other[w];
            }
        }
    }
}
