package org.hotline.cases.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The complaint's trace across the Kafka hops ({@link ComplaintTracing}), over the tracer Spring Boot configures
 * (Micrometer Tracing's OpenTelemetry bridge, W3C propagation); off when there is none.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    private static final String HTTP_URL = HighCardinalityKeyNames.HTTP_URL.asString();

    /**
     * The HTTP server spans without the request's address ({@code http.url}): the address of a body's
     * acknowledgement page holds its link token, a credential that must not reach a tracing backend. The spans keep
     * the path's template ({@code /ack/{token}}), the method and the status.
     */
    @Bean
    ObservationFilter addressFreeServerSpans() {
        return TracingConfiguration::withoutAddress;
    }

    static Observation.Context withoutAddress(Observation.Context context) {
        return context instanceof ServerRequestObservationContext ? context.removeHighCardinalityKeyValue(HTTP_URL)
                : context;
    }

    @Bean
    ComplaintTracing complaintTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return ComplaintTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }
}
