package org.hotline.web.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries a complaint's trace from one service to the next in its records' headers (W3C {@code traceparent}, and
 * {@code tracestate} when there is one), and names the complaint in the logs while a service works on it.
 *
 * <p>Why by hand rather than with Spring Kafka's observation: the records the trace must follow are not sent or read
 * on the thread of the work they belong to. The intake's records leave in a transaction that a committer thread
 * shares between requests, routing reads and writes a whole poll in one call of its function, and notification
 * reads with its own consumer. An observed template or container would start a trace of its own for each of them.
 * Here the context is taken on the thread that does the complaint's work and written into that complaint's records.
 *
 * <p>The complaint id is no personal data: a random id that names nothing of the complainant. It goes in the MDC
 * (so in every log line written meanwhile, as {@code complaintId}) and on the span, so that a tracing backend finds
 * a complaint's trace by its id.
 */
public final class ComplaintTracing {

    /** The MDC key, and so the member of a structured log line, that names the complaint the line is about. */
    public static final String COMPLAINT_ID = "complaintId";

    /** The span tag that names the complaint. */
    public static final String COMPLAINT_ID_TAG = "hotline.complaint.id";

    /** The tag of a {@link Later} span that says how the work ended. */
    public static final String RESULT_TAG = "hotline.result";

    private static final ComplaintTracing OFF = new ComplaintTracing(null, null);

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    private ComplaintTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing with the service's tracer and propagator; {@link #off()} when it has either not. */
    public static ComplaintTracing of(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        return tracer == null || propagator == null ? OFF : new ComplaintTracing(tracer, propagator);
    }

    /** No tracing (a service started without a tracer, or a test): the complaint id still goes in the MDC. */
    public static ComplaintTracing off() {
        return OFF;
    }

    /**
     * The current span's context as the headers that carry it ({@code traceparent}, {@code tracestate}), in the
     * order to write them; none without a current span.
     */
    public Map<String, String> currentContext() {
        if (tracer == null || propagator == null) {
            return Map.of();
        }
        Span span = tracer.currentSpan();
        return span == null ? Map.of() : headers(propagator, span);
    }

    /** The span's context as the headers that carry it, in the order to write them. */
    private static Map<String, String> headers(Propagator propagator, Span span) {
        Map<String, String> fields = new LinkedHashMap<>(2);
        propagator.inject(span.context(), fields, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        return fields;
    }

    /**
     * Starts the work on one complaint read from a record: a span that continues the trace the record's headers
     * carry (a new trace when they carry none), current on this thread until {@link Work#close()}, with its ids and
     * the complaint id in the MDC meanwhile. Close it on the thread that started it.
     *
     * @param name the span's name, what the service does with the record (e.g. {@code "route complaint"})
     * @param header the record's header of a name, as text, or null when it has none
     */
    public Work start(String name, String complaintId, Function<String, @Nullable String> header) {
        MDC.put(COMPLAINT_ID, complaintId);
        if (tracer == null || propagator == null) {
            return () -> MDC.remove(COMPLAINT_ID);
        }
        return current(complaintId, propagator.extract(header,
                (carrier, key) -> carrier == null ? null : carrier.apply(key)).name(name).kind(Span.Kind.CONSUMER));
    }

    /**
     * Starts work on one complaint that no record or request asked for (a clock's check finding a body silent): a
     * span of a new trace whatever is current on the thread, tagged with the complaint id, current on this thread
     * until {@link Work#close()}, as {@link #start} does. What the work writes carries it on
     * ({@link #currentContext()}), so the letters it calls for are sent in its trace, which an operator finds by the
     * complaint id.
     */
    public Work startNew(String name, String complaintId) {
        MDC.put(COMPLAINT_ID, complaintId);
        if (tracer == null || propagator == null) {
            return () -> MDC.remove(COMPLAINT_ID);
        }
        // No kind: the tracer's default, internal work.
        return current(complaintId, tracer.spanBuilder().setNoParent().name(name));
    }

    private Work current(String complaintId, Span.Builder builder) {
        Span span = builder.tag(COMPLAINT_ID_TAG, complaintId).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            try {
                scope.close();
                span.end();
            } finally {
                MDC.remove(COMPLAINT_ID);
            }
        };
    }

    /**
     * Starts a span of work on a complaint that is done later than the work that called for it, and elsewhere
     * (notification sends an email on a sender's thread, after the record it was planned from was read): the span
     * continues the trace {@code context} carries, the headers {@link #currentContext()} gave the earlier work (a
     * new trace when it is empty). It is current on no thread until {@link Later#open()}, and lasts until
     * {@link Later#end(String)}.
     *
     * @param tags the span's tags besides the complaint id, e.g. what is sent to whom (never an address)
     */
    public Later later(String name, String complaintId, Map<String, String> context, Map<String, String> tags) {
        if (tracer == null || propagator == null) {
            return new Later() {
                @Override
                public Map<String, String> context() {
                    return context;
                }

                @Override
                public Work open() {
                    MDC.put(COMPLAINT_ID, complaintId);
                    return () -> MDC.remove(COMPLAINT_ID);
                }

                @Override
                public void end(String result) {
                }
            };
        }
        Tracer tracing = tracer;
        Propagator propagation = propagator;
        Span.Builder builder = propagation.extract(context, (carrier, key) -> carrier == null ? null
                        : carrier.get(key))
                .name(name)
                .kind(Span.Kind.CLIENT)
                .tag(COMPLAINT_ID_TAG, complaintId);
        tags.forEach(builder::tag);
        Span span = builder.start();
        return new Later() {
            @Override
            public Map<String, String> context() {
                return headers(propagation, span);
            }

            @Override
            public Work open() {
                MDC.put(COMPLAINT_ID, complaintId);
                Tracer.SpanInScope scope = tracing.withSpan(span);
                return () -> {
                    try {
                        scope.close();
                    } finally {
                        MDC.remove(COMPLAINT_ID);
                    }
                };
            }

            @Override
            public void end(String result) {
                span.tag(RESULT_TAG, result);
                span.end();
            }
        };
    }

    /** A span of later work ({@link #later}): opened on a thread for a moment, ended once. */
    public interface Later {

        /** Its context, as the headers that carry it ({@code traceparent}); what it was given when tracing is off. */
        Map<String, String> context();

        /** Makes it current on this thread, its ids and the complaint id in the logs, until the work closes. */
        Work open();

        /** Ends it, tagged with how the work ended ({@code SENT}, or the failure). */
        void end(String result);
    }

    /** The work on one complaint; closing it ends its span and takes the complaint id out of the MDC. */
    @FunctionalInterface
    public interface Work extends AutoCloseable {

        @Override
        void close();
    }
}
