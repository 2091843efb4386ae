package org.hotline.notification.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint's trace across the Kafka hops ({@link ComplaintTracing}), over the tracer Spring Boot configures
 * (Micrometer Tracing's OpenTelemetry bridge, W3C propagation); off when there is none.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    ComplaintTracing complaintTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return ComplaintTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }
}
