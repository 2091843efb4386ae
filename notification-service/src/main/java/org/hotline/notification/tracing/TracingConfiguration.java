package org.hotline.notification.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.hotline.notification.dispatch.application.MessageTraces;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint's trace across the Kafka hops ({@link ComplaintTracing}) and on to the emails' sends
 * ({@link MessageTraces}), over the tracer Spring Boot configures (Micrometer Tracing's OpenTelemetry bridge, W3C
 * propagation); off when there is none.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    ComplaintTracing complaintTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return ComplaintTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** The emails' sends in the trace their complaint was planned in. */
    @Bean
    MessageTraces messageTraces(ComplaintTracing tracing) {
        return new ComplaintMessageTraces(tracing);
    }
}
