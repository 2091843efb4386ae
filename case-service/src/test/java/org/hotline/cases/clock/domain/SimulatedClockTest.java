package org.hotline.cases.clock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final Clock SYSTEM = Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC);

    @Test
    void runsAheadOfTheSystemClockByItsOffsetAndMovesFurtherWhenAdvanced() {
        SimulatedClock clock = new SimulatedClock(SYSTEM, Duration.ofDays(20));
        Clock almaty = clock.withZone(ZoneId.of("Asia/Almaty"));

        clock.advance(Duration.ofDays(3));

        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofDays(23)));
        assertThat(almaty.instant()).as("a zoned copy shares the offset").isEqualTo(clock.instant());
    }

    @Test
    void neverGoesBackSoNothingIssuedIsIssuedAgain() {
        SimulatedClock clock = new SimulatedClock(SYSTEM, Duration.ZERO);

        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
    }
}
