package org.hotline.cases.casefile.config;

import java.time.Clock;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.hotline.cases.deadline.domain.StatutoryClocks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

    @Bean
    CaseRecorder caseRecorder(StatutoryClocks clocks) {
        return new CaseRecorder(clocks);
    }

    @Bean
    CaseStatusQuery caseStatusQuery(CaseFiles files) {
        return new CaseStatusQuery(files);
    }

    /** The clock that says which day it is for "overdue"; tests and the next slice's simulated clock replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
