package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.MailRenderer;
import org.hotline.notification.dispatch.application.MessageTraces;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.hotline.notification.dispatch.config.SenderPool;
import org.hotline.notification.dispatch.directory.AuthoritiesFile;
import org.hotline.notification.dispatch.directory.UnitsFile;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.Places;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.web.tracing.ComplaintTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The letters of the escalation ladder (docs/notification.md, "Reminders and escalations"): the routing directory
 * they find bodies in, their planner, and the {@link LadderMail} pipeline reading {@code cases.events.v1}.
 */
@Configuration(proxyBeanMethods = false)
class LadderMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LadderMailConfiguration.class);

    /** Read once at start; a directory with any problem stops the start, naming file and line. */
    @Bean
    Directory directory(NotificationProperties properties, ResourceLoader resources) {
        String location = properties.ladder().directoryLocation();
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            Directory directory = new AuthoritiesFile().load(location, in.readAllBytes());
            log.info("Directory {}: {} authorities", location, directory.size());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the directory at " + location, e);
        }
    }

    /** The names of the places emails mention, read once at start; a file with any problem stops the start. */
    @Bean
    Places places(NotificationProperties properties, ResourceLoader resources) {
        String location = properties.ladder().unitsLocation();
        try (InputStream in = resources.getResource(location).getInputStream()) {
            Places places = new UnitsFile().load(location, in.readAllBytes());
            log.info("Units {}: {} named", location, places.size());
            return places;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the units at " + location, e);
        }
    }

    @Bean
    LadderPlanner ladderPlanner(NgoContact ngo, Directory directory, Places places, NotificationProperties properties) {
        return new LadderPlanner(ngo, directory, places, properties.ladder().timeZone(), properties.messageIdDomain());
    }

    @Bean
    CaseEventReader caseEventReader(JsonMapper json, SealedFields sealer) {
        return new CaseEventReader(json, sealer);
    }

    @Bean(destroyMethod = "close")
    LadderMail ladderMail(KafkaProperties kafka, NotificationProperties properties, JsonMapper json,
            CaseEventReader reader, LadderPlanner ladderPlanner, MessagePlanner planner, MailGateway gateway,
            MailRenderer renderer, NotificationMetrics metrics, MeterRegistry meters, Clock clock,
            ComplaintTracing tracing, MessageTraces traces) {
        NotificationProperties.Topics topics = properties.topics();
        NotificationProperties.Retry retry = properties.retry();
        KafkaLedger ledger = MessagingConfiguration.ledger(kafka, properties, json, topics.caseLedger(),
                properties.ladder().transactionalIdPrefix());
        Dispatcher dispatcher = new Dispatcher(ledger, gateway, renderer, planner, metrics,
                new RetryPolicy(retry.initial(), retry.multiplier(), retry.max(), retry.giveUpAfter()),
                properties.inDoubtPolicy(), properties.batchSize(), properties.ledger().retry(), clock, traces);
        SenderPool senders = new SenderPool(dispatcher, properties.ladder().connections(), properties.pollInterval(),
                properties.idleConnectionTimeout());
        SourceConsumer consumer = MessagingConfiguration.consumer(kafka, properties, topics.caseEvents(),
                topics.caseEventsGroup(), topics.caseEventsDeadLetter(), "case-events-consumer",
                value -> new SourceConsumer.Planned(null, reader.read(value).map(step -> {
                    try {
                        return ladderPlanner.plan(step);
                    } catch (LadderPlanner.UnknownAuthorityException e) {
                        throw new PoisonEventException(PoisonEventException.UNKNOWN_AUTHORITY, e.getMessage());
                    }
                }).orElseGet(List::of)), dispatcher, ledger, meters, clock, tracing);
        return new LadderMail(consumer, dispatcher, senders, ledger);
    }

    /** Ready only while the ladder's ledger can be written, as for the routed complaints' one. */
    @Bean
    HealthIndicator caseLedger(LadderMail ladderMail) {
        return () -> (ladderMail.writable() ? Health.up() : Health.down())
                .withDetail("backlog", ladderMail.backlog()).build();
    }

    @Bean
    NewTopic caseEventsDeadLetterTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.caseEventsDeadLetter()).partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config("retention.ms", String.valueOf(topics.deadLetterRetention().toMillis())).build();
    }

    /** As many partitions as cases.events.v1: ledger partition p holds the letters of its partition p. */
    @Bean
    NewTopic caseLedgerTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.caseLedger()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }
}
