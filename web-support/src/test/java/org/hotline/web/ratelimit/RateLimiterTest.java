package org.hotline.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final ClientKey ALICE = new ClientKey(1, 1);
    private static final ClientKey BOB = new ClientKey(2, 2);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void refusesAClientOverItsBurstAndSaysWhenItsNextTokenComes() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 3), generous(), 100, now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(ALICE).allowed()).isTrue();
        }
        Decision refused = limiter.tryAcquire(ALICE);

        assertThat(refused.refusedBy()).isEqualTo(Decision.Limit.CLIENT);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire(BOB).allowed()).isTrue();
    }

    @Test
    void servesTheClientAgainOnceItsBucketHasRefilled() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 1), generous(), 100, now::get);
        limiter.tryAcquire(ALICE);

        now.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(limiter.tryAcquire(ALICE).allowed()).isTrue();
    }

    @Test
    void refusesEveryoneOverTheGlobalLimitWithoutChargingTheClient() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 1),
                new Rate(1, Duration.ofSeconds(1), 1), 100, now::get);
        assertThat(limiter.tryAcquire(ALICE).allowed()).isTrue();

        Decision refused = limiter.tryAcquire(BOB);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(refused.refusedBy()).isEqualTo(Decision.Limit.GLOBAL);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(BOB).allowed()).as("Bob's token was given back").isTrue();
    }

    @Test
    void remembersNoMoreThanMaxClientsHoweverManyAddressesSend() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 1), generous(), 1000, now::get);

        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire(new ClientKey(i, -i));
        }

        assertThat(limiter.clients()).isEqualTo(1000);
    }

    @Test
    void forgetsClientsWhoseBucketsHaveRefilled() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 10), generous(), 1000, now::get);
        limiter.tryAcquire(ALICE);
        limiter.tryAcquire(BOB);

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        limiter.tryAcquire(new ClientKey(3, 3));

        assertThat(limiter.clients()).isEqualTo(1);
    }

    @Test
    void keepsTheMostRecentlySeenClientWhenTheMapIsFull() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 1), generous(), 2, now::get);
        limiter.tryAcquire(ALICE);
        limiter.tryAcquire(BOB);
        limiter.tryAcquire(ALICE);

        limiter.tryAcquire(new ClientKey(3, 3));

        assertThat(limiter.tryAcquire(ALICE).refusedBy()).as("Alice was kept, her bucket empty")
                .isEqualTo(Decision.Limit.CLIENT);
        assertThat(limiter.tryAcquire(BOB).allowed()).as("Bob was forgotten").isTrue();
    }

    @Test
    void givesAClientWithARateOfItsOwnThatRateWithinTheGlobalLimit() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 1),
                new Rate(1, Duration.ofHours(1), 4), 100, now::get);
        Rate partner = new Rate(600, Duration.ofMinutes(1), 3);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(ALICE, partner).allowed()).isTrue();
        }
        Decision overOwn = limiter.tryAcquire(ALICE, partner);
        Decision bob = limiter.tryAcquire(BOB);
        Decision overGlobal = limiter.tryAcquire(new ClientKey(3, 3), partner);

        assertThat(overOwn.refusedBy()).isEqualTo(Decision.Limit.CLIENT);
        assertThat(overOwn.retryAfter()).isBetween(Duration.ofMillis(99), Duration.ofMillis(101));
        assertThat(bob.allowed()).isTrue();
        assertThat(overGlobal.refusedBy()).isEqualTo(Decision.Limit.GLOBAL);
    }

    @Test
    void keepsAClientOfASlowerRateUntilItsOwnBucketHasRefilled() {
        RateLimiter limiter = new RateLimiter(new Rate(10, Duration.ofMinutes(1), 10), generous(), 1000, now::get);
        limiter.tryAcquire(ALICE, new Rate(10, Duration.ofHours(1), 10));
        limiter.tryAcquire(BOB);

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        limiter.tryAcquire(new ClientKey(3, 3));

        assertThat(limiter.clients()).as("Alice's bucket takes an hour to fill; Bob's was full").isEqualTo(2);
    }

    private static Rate generous() {
        return new Rate(1_000_000, Duration.ofSeconds(1), 1_000_000);
    }
}
