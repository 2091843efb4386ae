package org.hotline.cases;

import org.hotline.web.kafka.NativeLz4;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CaseApplication.class);
        application.addListeners(new NativeLz4());
        application.run(args);
    }
}
