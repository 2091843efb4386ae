package org.hotline.notification.dispatch.mail;

import java.time.Clock;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.MailRenderer;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailRenderer mailRenderer(NotificationProperties properties, NotificationMetrics metrics,
            JavaMailSenderImpl mailSender, Clock clock, AcknowledgementLinks links) {
        return new ThymeleafMailRenderer(properties.templatesDirectory(), properties.ngo().fromAddress(), metrics,
                mailSender.getSession(), clock, links);
    }

    @Bean
    MailGateway mailGateway(JavaMailSenderImpl mailSender) {
        return new SmtpMailGateway(mailSender);
    }
}
