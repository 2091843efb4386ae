package org.hotline.notification.dispatch.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.MailRenderer;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.application.NotificationPlanning;
import org.hotline.notification.dispatch.application.OutcomePublisher;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.hotline.notification.dispatch.ledger.FileOutbox;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NgoContact ngoContact(NotificationProperties properties) {
        NotificationProperties.Ngo ngo = properties.ngo();
        return new NgoContact(Map.of(Language.KK, ngo.nameKk(), Language.RU, ngo.nameRu(), Language.EN, ngo.nameEn()),
                ngo.email(), ngo.phone(), ngo.caseworkerMailbox(),
                Language.fromCode(ngo.caseworkerLanguage()).orElseThrow(() -> new IllegalArgumentException(
                        "hotline.notification.ngo.caseworker-language must be kk, ru or en")),
                ngo.fromAddress());
    }

    @Bean
    MessagePlanner messagePlanner(NgoContact ngo, NotificationProperties properties) {
        return new MessagePlanner(ngo, properties.messageIdDomain());
    }

    @Bean(destroyMethod = "close")
    FileOutbox outbox(NotificationProperties properties, FieldSealer sealer, JsonMapper json) {
        return new FileOutbox(properties.ledgerDirectory(), sealer, json);
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry meters, FileOutbox outbox) {
        return new MicrometerNotificationMetrics(meters, outbox);
    }

    @Bean
    Dispatcher dispatcher(FileOutbox outbox, MailGateway gateway, MailRenderer renderer, MessagePlanner planner,
            OutcomePublisher outcomes, NotificationMetrics metrics, NotificationProperties properties, Clock clock) {
        NotificationProperties.Retry retry = properties.retry();
        return new Dispatcher(outbox, gateway, renderer, planner, outcomes, metrics,
                new RetryPolicy(retry.initial(), retry.multiplier(), retry.max(), retry.giveUpAfter()),
                properties.inDoubtPolicy(), properties.batchSize(), clock);
    }

    @Bean
    NotificationPlanning notificationPlanning(MessagePlanner planner, Dispatcher dispatcher) {
        return new NotificationPlanning(planner, dispatcher);
    }

    @Bean
    DispatchScheduler dispatchScheduler(Dispatcher dispatcher, NotificationProperties properties) {
        return new DispatchScheduler(dispatcher, properties.pollInterval());
    }

    /** Ready only while the ledger can be written: without it nothing can be sent safely. */
    @Bean
    HealthIndicator ledger(FileOutbox outbox) {
        return () -> (outbox.writable() ? Health.up() : Health.down()).withDetail("pending", outbox.pending())
                .build();
    }
}
