package org.hotline.cases.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;
import org.hotline.deadlines.yaml.ClocksLoader;
import org.jspecify.annotations.Nullable;

/**
 * Reminders and escalations issued, the assignments past a deadline by body type, as of each instance's last
 * check of its partitions, and how long bodies took to acknowledge. Labels are body types only: no complaint, no
 * body id, nothing about a complainant.
 */
public final class LadderMetrics {

    /** Bucket bounds of the acknowledgement latency: an hour, a day, then around the statutory 3 to 15 days. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7), Duration.ofDays(15), Duration.ofDays(30)};
    /** The label of a body type the clocks do not know, so that the label set stays bounded whatever arrives. */
    static final String OTHER_TYPE = "OTHER";

    private final Counter reminders;
    private final Counter escalations;
    private final Counter exhausted;
    /**
     * Per Kafka Streams task (partition), its overdue assignments by body type and region: each check replaces its
     * own.
     */
    private final Map<String, Map<Overdue, Long>> overdueByTask = new ConcurrentHashMap<>();
    /** The body types and regions that have a gauge; one is registered the first time a check counts it. */
    private final Set<Overdue> gauged = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;

    /**
     * What the overdue gauge counts by: the body's type and the complaint's region ({@link #UNKNOWN_REGION} when the
     * case file has none).
     */
    public record Overdue(String authorityType, String region) {
    }

    /** The region label of a case file without a region (older files, or none given). */
    public static final String UNKNOWN_REGION = "UNKNOWN";
    private final Map<String, Timer> acknowledgementLatency = new HashMap<>();

    public LadderMetrics(MeterRegistry meters) {
        this.meters = meters;
        reminders = Counter.builder("hotline.cases.reminders.due")
                .description("AcknowledgementReminderDue events issued").register(meters);
        escalations = Counter.builder("hotline.cases.escalations.due")
                .description("EscalationDue events issued").register(meters);
        exhausted = Counter.builder("hotline.cases.escalations.exhausted")
                .description("Cases whose ladder ran out: a caseworker prepares a dossier").register(meters);
        for (String type : ClocksLoader.AUTHORITY_TYPES) {
            acknowledgementLatency.put(type, latency(meters, type));
        }
        acknowledgementLatency.put(OTHER_TYPE, latency(meters, OTHER_TYPE));
    }

    private static Timer latency(MeterRegistry meters, String type) {
        return Timer.builder("hotline.cases.acknowledgement.latency")
                .description("From a body's notice to its acknowledgement, recorded when the acknowledgement lands")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tag("authority_type", type).register(meters);
    }

    /**
     * Records the acknowledgement latency of each body that {@code after} knows both the notice and the
     * acknowledgement of and {@code before} did not: once per body, when the second of the two lands (they may
     * arrive in either order). Called with the file before and after one input record, never on restoring the store
     * from its changelog, so a restart records nothing again; only a transaction rolled back after this call (a
     * crash within a commit interval) can count a body twice.
     */
    public void acknowledgements(@Nullable CaseFile before, CaseFile after) {
        for (Assignment body : after.assignments()) {
            Instant notifiedAt = body.notifiedAt();
            Instant acknowledgedAt = body.acknowledgedAt();
            if (notifiedAt == null || acknowledgedAt == null || knewBoth(before, body.authorityId())) {
                continue;
            }
            Duration latency = Duration.between(notifiedAt, acknowledgedAt);
            acknowledgementLatency.getOrDefault(body.authorityType(), acknowledgementLatency.get(OTHER_TYPE))
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    private static boolean knewBoth(@Nullable CaseFile before, String authorityId) {
        return before != null && before.assignments().stream()
                .anyMatch(body -> body.authorityId().equals(authorityId) && body.notifiedAt() != null
                        && body.acknowledgedAt() != null);
    }

    public void issued(Due due) {
        Counter counter = due instanceof Due.ReminderDue ? reminders
                : due instanceof Due.EscalationDue ? escalations : exhausted;
        counter.increment();
    }

    /** A task's check counted these overdue assignments by type and region. */
    public void overdue(String task, Map<Overdue, Long> counted) {
        overdueByTask.put(task, Map.copyOf(counted));
        for (Overdue key : counted.keySet()) {
            if (gauged.add(key)) {
                Gauge.builder("hotline.cases.assignments.overdue", () -> overdue(key))
                        .description("Assignments past their acknowledgement or answer deadline, as of the last check")
                        .tag("authority_type", key.authorityType()).tag("region", key.region()).register(meters);
            }
        }
    }

    /** The task moved to another instance (or this one is closing): its count goes with it. */
    public void forget(String task) {
        overdueByTask.remove(task);
    }

    private double overdue(Overdue key) {
        return overdueByTask.values().stream().mapToLong(counts -> counts.getOrDefault(key, 0L)).sum();
    }
}
