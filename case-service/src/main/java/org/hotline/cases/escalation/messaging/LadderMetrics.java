package org.hotline.cases.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cases.deadline.application.ClocksLoader;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;

/**
 * Reminders and escalations issued, and the assignments past a deadline by body type, as of each instance's last
 * check of its partitions. Labels are body types only: no complaint, no body id, nothing about a complainant.
 */
public final class LadderMetrics {

    private final Counter reminders;
    private final Counter escalations;
    private final Counter exhausted;
    /** Per Kafka Streams task (partition), its overdue assignments by body type: each check replaces its own. */
    private final Map<String, Map<String, Long>> overdueByTask = new ConcurrentHashMap<>();

    public LadderMetrics(MeterRegistry meters) {
        reminders = Counter.builder("hotline.cases.reminders.due")
                .description("AcknowledgementReminderDue events issued").register(meters);
        escalations = Counter.builder("hotline.cases.escalations.due")
                .description("EscalationDue events issued").register(meters);
        exhausted = Counter.builder("hotline.cases.escalations.exhausted")
                .description("Cases whose ladder ran out: a caseworker prepares a dossier").register(meters);
        for (String type : ClocksLoader.AUTHORITY_TYPES) {
            Gauge.builder("hotline.cases.assignments.overdue", () -> overdue(type))
                    .description("Assignments past their acknowledgement or answer deadline, as of the last check")
                    .tag("authority_type", type).register(meters);
        }
    }

    public void issued(Due due) {
        Counter counter = due instanceof Due.ReminderDue ? reminders
                : due instanceof Due.EscalationDue ? escalations : exhausted;
        counter.increment();
    }

    /** A task's check counted these overdue assignments by type. */
    public void overdue(String task, Map<String, Long> byType) {
        overdueByTask.put(task, Map.copyOf(byType));
    }

    /** The task moved to another instance (or this one is closing): its count goes with it. */
    public void forget(String task) {
        overdueByTask.remove(task);
    }

    private double overdue(String type) {
        return overdueByTask.values().stream().mapToLong(counts -> counts.getOrDefault(type, 0L)).sum();
    }
}
