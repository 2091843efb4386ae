package org.hotline.intake;

import org.hotline.web.kafka.NativeLz4;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(IntakeApplication.class);
        application.addListeners(new NativeLz4());
        application.run(args);
    }
}
