package org.hotline.cases.acknowledgement.config;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.acknowledgement.application.AcknowledgementPublisher;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.cases.acknowledgement.application.CaseworkerRecords;
import org.hotline.cases.acknowledgement.domain.LinkSigner;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AcknowledgementConfiguration {

    @Bean
    LinkSigner linkSigner(AcknowledgementProperties properties, Environment environment) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.cases.acknowledgement.keys." + id + " is not valid base64",
                        e);
            }
            DevelopmentLinkKeys.refuseOutsideDev("hotline.cases.acknowledgement.keys." + id, key, environment);
            keys.put(id, key);
        });
        return new LinkSigner(properties.activeKeyId(), keys);
    }

    @Bean
    Acknowledgements acknowledgements(LinkSigner signer, CaseFiles files, AcknowledgementPublisher publisher,
            Clock clock, AcknowledgementProperties properties, StatutoryClocks clocks) {
        return new Acknowledgements(signer, files, publisher, clock, properties.linkValidity(), clocks.zone());
    }

    @Bean
    CaseworkerRecords caseworkerRecords(CaseFiles files, AcknowledgementPublisher publisher, Clock clock,
            StatutoryClocks clocks, Ladder ladder) {
        return new CaseworkerRecords(files, publisher, clock, clocks.zone(), body -> ladder.above(body).isPresent());
    }
}
