package org.hotline.notification.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        // given
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1), Duration.ofDays(3));

        // when / then
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void fallsBackToRussianThenEnglish() {
        assertThat(Language.KK.withFallbacks()).containsExactly(Language.KK, Language.RU, Language.EN);
        assertThat(Language.EN.withFallbacks()).containsExactly(Language.EN, Language.RU);
    }
}
