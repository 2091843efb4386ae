package org.hotline.cases.console.config;

import java.time.Clock;
import org.hotline.cases.casefile.application.AllCaseFiles;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.console.application.CaseConsole;
import org.hotline.cases.console.messaging.KafkaComplainantRecords;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console over the case files and the complaints' own records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {

    @Bean
    CaseConsole caseConsole(CaseFiles files, AllCaseFiles all, SealedFields opener, KafkaProperties kafka,
            CaseProperties cases, Clock clock, StatutoryClocks clocks, ConsoleProperties properties) {
        KafkaComplainantRecords records = new KafkaComplainantRecords(kafka.buildConsumerProperties(),
                cases.topics().received(), opener, properties.searchTimeout());
        return new CaseConsole(files, all, records, clock, clocks.zone(), properties.shownPerLane());
    }
}
