package org.hotline.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ComplaintTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";
    private static final String COMPLAINT_ID = "6b1c1c2e-0b8e-4d7c-9a52-3d1f0c7e2a11";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final ComplaintTracing tracing = ComplaintTracing.of(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }),
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void continuesTheTraceTheRecordsHeadersCarryInASpanOfItsOwn() {
        // given
        Map<String, String> headers = Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");

        // when
        String traceparent;
        try (ComplaintTracing.Work work = tracing.start("route complaint", COMPLAINT_ID, headers::get)) {
            traceparent = tracing.currentContext().get("traceparent");
        }

        // then
        assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain(PARENT_SPAN);
        assertThat(tracing.currentContext()).isEmpty();
    }

    @Test
    void startsATraceWhenTheRecordCarriesNone() {
        // when
        String traceparent;
        try (ComplaintTracing.Work work = tracing.start("route complaint", COMPLAINT_ID, name -> null)) {
            traceparent = tracing.currentContext().get("traceparent");
        }

        // then
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("0000000000000000");
    }

    @Test
    void startsANewTraceForWorkNoRecordAskedForWhateverIsCurrent() {
        // given a record's work under way on the thread
        Map<String, String> headers = Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");
        String traceparent;
        String complaint;
        try (ComplaintTracing.Work record = tracing.start("record case event", COMPLAINT_ID, headers::get)) {
            // when the clock's check starts work on a complaint
            try (ComplaintTracing.Work check = tracing.startNew("check silence", COMPLAINT_ID)) {
                traceparent = tracing.currentContext().get("traceparent");
                complaint = MDC.get(ComplaintTracing.COMPLAINT_ID);
            }
        }

        // then it is in a trace of its own, with the complaint in the logs
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(TRACE_ID);
        assertThat(complaint).isEqualTo(COMPLAINT_ID);
    }

    @Test
    void namesTheComplaintInTheLogsUntilItsWorkIsClosed() {
        // when
        String during;
        try (ComplaintTracing.Work work = tracing.start("route complaint", COMPLAINT_ID, name -> null)) {
            during = MDC.get(ComplaintTracing.COMPLAINT_ID);
        }

        // then
        assertThat(during).isEqualTo(COMPLAINT_ID);
        assertThat(MDC.get(ComplaintTracing.COMPLAINT_ID)).isNull();
    }

    @Test
    void namesTheComplaintButCarriesNoTraceWithoutATracer() {
        // given
        ComplaintTracing off = ComplaintTracing.of(null, null);

        // when
        String during;
        Map<String, String> context;
        try (ComplaintTracing.Work work = off.start("route complaint", COMPLAINT_ID,
                name -> "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01")) {
            during = MDC.get(ComplaintTracing.COMPLAINT_ID);
            context = off.currentContext();
        }

        // then
        assertThat(during).isEqualTo(COMPLAINT_ID);
        assertThat(context).isEmpty();
        assertThat(MDC.get(ComplaintTracing.COMPLAINT_ID)).isNull();
    }
}
