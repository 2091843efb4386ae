package org.hotline.intake.acknowledgement.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.web.ratelimit.Rate;
import org.junit.jupiter.api.Test;

class AddressAllowanceTest {

    @Test
    void takesTheSameMailboxForTheWaysAnAddressCanBeWrittenDifferently() {
        assertThat(AddressAllowance.mailbox(" Dana@Example.ORG ")).isEqualTo("dana@example.org");
        assertThat(AddressAllowance.mailbox("dana+hotline@example.org")).isEqualTo("dana@example.org");
        assertThat(AddressAllowance.mailbox("d.a.n.a+x@googlemail.com")).isEqualTo("dana@gmail.com");
        assertThat(AddressAllowance.mailbox("d.ana@example.org")).isEqualTo("d.ana@example.org");
    }

    @Test
    void allowsEachAddressItsOwnAllowanceAndGivesItBackOverTime() {
        AtomicLong now = new AtomicLong();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AddressAllowance cap = new AddressAllowance(new Rate(2, Duration.ofHours(24), 2), 1000, now::get, registry);

        assertThat(cap.tryTake("dana@example.org")).isTrue();
        assertThat(cap.tryTake("DANA+1@example.org")).isTrue();
        assertThat(cap.tryTake("dana@example.org")).isFalse();
        assertThat(cap.tryTake("aigul@example.org")).isTrue();

        now.addAndGet(Duration.ofHours(12).toNanos());
        assertThat(cap.tryTake("dana@example.org")).isTrue();
        assertThat(cap.tryTake("dana@example.org")).isFalse();
        assertThat(registry.get("hotline.intake.acknowledgements.withheld").counter().count()).isEqualTo(2.0);
    }

    @Test
    void takesBackWhatAComplaintThatWasNotStoredTook() {
        // given an address with one acknowledgement left
        AddressAllowance cap = new AddressAllowance(new Rate(1, Duration.ofHours(24), 1), 1000, () -> 0L,
                new SimpleMeterRegistry());
        assertThat(cap.tryTake("dana@example.org")).isTrue();

        // when its complaint was not stored (503) and the complainant tries again
        cap.giveBack("Dana@example.org");

        // then the retry is acknowledged
        assertThat(cap.tryTake("dana@example.org")).isTrue();
        assertThat(cap.tryTake("dana@example.org")).isFalse();
    }
}
