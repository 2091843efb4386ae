package org.hotline.cases.casefile.config;

import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.hotline.deadlines.domain.StatutoryClocks;
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
}
