package org.hotline.cases.erasure.config;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.hotline.cases.casefile.application.AllCaseFiles;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.erasure.application.Erasures;
import org.hotline.cases.erasure.messaging.KafkaKeyEraser;
import org.hotline.cases.kafka.ConfirmedProducers;
import org.hotline.cases.sealing.config.ComplaintKeysProperties;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ErasureConfiguration.class);

    @Bean
    KafkaKeyEraser keyEraser(KafkaProperties kafka, ComplaintKeysProperties keys, ErasureProperties properties) {
        return new KafkaKeyEraser(new KafkaProducer<>(ConfirmedProducers.config(kafka, properties.sendTimeout())),
                keys.topic(), properties.sendTimeout());
    }

    @Bean
    Erasures erasures(CaseFiles files, AllCaseFiles all, ComplaintKeys keys, KafkaKeyEraser eraser,
            ErasureProperties properties,
            Clock clock) {
        return new Erasures(files, all, keys, eraser, properties.retention(), clock);
    }

    /** The retention check, on a thread of its own; a failed check is logged and the next one tries again. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService retentionCheck(Erasures erasures, ErasureProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "retention-check");
            thread.setDaemon(true);
            return thread;
        });
        if (!properties.retention().isEmpty()) {
            long every = properties.checkEvery().toMillis();
            executor.scheduleWithFixedDelay(() -> {
                try {
                    erasures.eraseExpired();
                } catch (RuntimeException e) {
                    log.warn("The retention check failed ({}); the next one tries again", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return executor;
    }
}
