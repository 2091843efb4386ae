package org.hotline.notification.dispatch.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.application.Ledger;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.MailRenderer;
import org.hotline.notification.dispatch.application.MessageTraces;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.Places;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.notification.dispatch.messaging.LadderMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    MessagePlanner messagePlanner(NgoContact ngo, Places places, NotificationProperties properties) {
        return new MessagePlanner(ngo, places, properties.messageIdDomain());
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry meters, ObjectProvider<Dispatcher> dispatcher,
            ObjectProvider<LadderMail> ladder, KafkaLedger ledger) {
        // Both pipelines: the routed complaints' messages and the ladder's letters.
        return new MicrometerNotificationMetrics(meters,
                () -> dispatcher.getObject().backlog() + ladder.getObject().backlog(),
                () -> ledger.known() + ladder.getObject().known());
    }

    @Bean
    Dispatcher dispatcher(Ledger ledger, MailGateway gateway, MailRenderer renderer, MessagePlanner planner,
            NotificationMetrics metrics, NotificationProperties properties, Clock clock, MessageTraces traces) {
        NotificationProperties.Retry retry = properties.retry();
        return new Dispatcher(ledger, gateway, renderer, planner, metrics,
                new RetryPolicy(retry.initial(), retry.multiplier(), retry.max(), retry.giveUpAfter()),
                properties.inDoubtPolicy(), properties.batchSize(), properties.ledger().retry(), clock, traces);
    }

    @Bean
    SenderPool senderPool(Dispatcher dispatcher, NotificationProperties properties) {
        return new SenderPool(dispatcher, properties.connections(), properties.pollInterval(),
                properties.idleConnectionTimeout());
    }

    /** Ready only while the ledger can be written: without it nothing can be sent safely. */
    @Bean
    HealthIndicator ledger(KafkaLedger ledger, ObjectProvider<Dispatcher> dispatcher) {
        return () -> (ledger.writable() ? Health.up() : Health.down())
                .withDetail("backlog", dispatcher.getObject().backlog()).build();
    }
}
