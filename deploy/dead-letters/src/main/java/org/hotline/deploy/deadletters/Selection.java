package org.hotline.deploy.deadletters;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters a replay takes: those at given positions, those with a reason code, or all of them.
 *
 * @param positions the dead-letter partitions and offsets asked for; null when not chosen by position
 * @param reasonCode the {@code x-dead-letter-reason-code} asked for; null when not chosen by reason
 */
record Selection(@Nullable Set<Position> positions, @Nullable String reasonCode) {

    /** A record's place on the dead-letter topic. */
    record Position(int partition, long offset) {

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    Selection {
        positions = positions == null ? null : Set.copyOf(positions);
    }

    static Selection everything() {
        return new Selection(null, null);
    }

    static Selection at(Set<Position> positions) {
        return new Selection(positions, null);
    }

    static Selection withReasonCode(String reasonCode) {
        return new Selection(null, reasonCode);
    }

    boolean includes(DeadLetter letter) {
        if (positions != null) {
            return positions.contains(new Position(letter.partition(), letter.offset()));
        }
        return reasonCode == null || Objects.equals(reasonCode, letter.header(DeadLetter.REASON_CODE));
    }
}
