package org.hotline.cases.clock.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved forward by an offset that can grow while the service runs, so that a developer can watch
 * a complaint's deadlines pass, its reminders and escalations issued, without waiting weeks. The dev profile only:
 * a deadline a body was given is real, and so must be the clock that says it passed.
 */
public final class SimulatedClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset;

    public SimulatedClock(Clock system, Duration offset) {
        this(system, new AtomicReference<>(offset));
    }

    private SimulatedClock(Clock system, AtomicReference<Duration> offset) {
        this.system = system;
        this.offset = offset;
    }

    /** Moves the clock forward; it never goes back, so nothing issued is issued again. */
    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only goes forward");
        }
        return offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatedClock(system.withZone(zone), offset);
    }
}
