package org.hotline.routing.complaint.application;

import java.time.Duration;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Decision;

/** Routes a complaint with the directory currently loaded; counts real decisions but not previews. */
public final class ComplaintRouter {

    private final CurrentRoutingEngine directory;
    private final RoutingMetrics metrics;

    public ComplaintRouter(CurrentRoutingEngine directory, RoutingMetrics metrics) {
        this.directory = directory;
        this.metrics = metrics;
    }

    /** The decision for a received complaint, recorded in the metrics. */
    public Decision route(ComplaintFacts facts) {
        long start = System.nanoTime();
        Decision decision = directory.engine().decide(facts);
        metrics.decided(facts, decision, Duration.ofNanos(System.nanoTime() - start));
        return decision;
    }

    /** The decision the service would make now, for staff testing rules; not counted as a decision. */
    public Decision preview(ComplaintFacts facts) {
        return directory.engine().decide(facts);
    }
}
