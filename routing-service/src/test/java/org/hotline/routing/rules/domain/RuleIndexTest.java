package org.hotline.routing.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The bit-set index must find exactly the rules that evaluating every rule one by one would find. */
class RuleIndexTest {

    private final Random random = new Random(20261124);

    @Test
    void findsTheSameRulesAsEvaluatingEachSampleRule() {
        List<Rule> rules = SampleDirectory.engine().ruleBook().rules();
        RuleIndex index = new RuleIndex(rules);

        for (int i = 0; i < 5_000; i++) {
            ComplaintFacts facts = randomFacts();
            assertThat(index.matching(facts)).as(facts.toString())
                    .containsExactlyElementsOf(rules.stream().filter(rule -> rule.matches(facts)).toList());
        }
    }

    @Test
    void findsTheSameRulesAsEvaluatingEachOfAThousandRandomRules() {
        List<Rule> rules = new ArrayList<>();
        for (int r = 0; r < 1_000; r++) {
            rules.add(new Rule("r" + r, List.of(randomCondition(), randomCondition()),
                    random.nextInt(3) == 0 ? List.of(randomCondition()) : List.of(),
                    List.of(new Assign(AuthorityType.POLICE, Role.PRIMARY, LevelPolicy.MOST_SPECIFIC, "test"))));
        }
        RuleIndex index = new RuleIndex(rules);

        for (int i = 0; i < 2_000; i++) {
            ComplaintFacts facts = randomFacts();
            assertThat(index.matching(facts))
                    .containsExactlyElementsOf(rules.stream().filter(rule -> rule.matches(facts)).toList());
        }
    }

    @Test
    void matchesNothingWithoutRules() {
        assertThat(new RuleIndex(List.of()).matching(randomFacts())).isEmpty();
    }

    private Condition randomCondition() {
        return new Condition(some(Category.class), some(Sector.class), some(WorkplaceType.class),
                some(AccusedRole.class), flag(), flag(), flag(), some(ComplainantMode.class));
    }

    private ComplaintFacts randomFacts() {
        Set<Category> categories = some(Category.class);
        if (categories.isEmpty()) {
            categories = Set.of(Category.OTHER);
        }
        return new ComplaintFacts(categories, one(Sector.class), one(WorkplaceType.class), one(AccusedRole.class),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                ComplainantMode.values()[random.nextInt(3)], "KZ", "KZ-39", true, null,
                java.time.LocalDate.of(2026, 11, 24));
    }

    private <E extends Enum<E>> Set<E> some(Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (random.nextBoolean()) {
            for (E constant : type.getEnumConstants()) {
                if (random.nextInt(3) == 0) {
                    values.add(constant);
                }
            }
        }
        return values;
    }

    private <E extends Enum<E>> @Nullable E one(Class<E> type) {
        E[] constants = type.getEnumConstants();
        int pick = random.nextInt(constants.length + 1);
        return pick == constants.length ? null : constants[pick];
    }

    private @Nullable Boolean flag() {
        int pick = random.nextInt(3);
        return pick == 0 ? null : pick == 1;
    }
}
