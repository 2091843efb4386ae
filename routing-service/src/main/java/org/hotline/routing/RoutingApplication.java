package org.hotline.routing;

import org.hotline.web.kafka.NativeLz4;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Routing service: decides which bodies receive each complaint and publishes {@code ComplaintRouted}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RoutingApplication.class);
        application.addListeners(new NativeLz4());
        application.run(args);
    }
}
