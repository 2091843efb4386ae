package org.hotline.cases.audit.config;

import org.hotline.cases.audit.application.AuditTrail;
import org.hotline.cases.audit.logging.LogAuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail; the security chain of the staff endpoint (SecurityConfiguration) feeds it. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail() {
        return new LogAuditTrail();
    }
}
