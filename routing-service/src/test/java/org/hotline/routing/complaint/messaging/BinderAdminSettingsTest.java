package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class BinderAdminSettingsTest {

    @Test
    void routingsOwnAdminClientsLogInAsProductionsOverlaySaysWithTheBindersBrokers() {
        // given the SASL_SSL settings of the production overlay (docs/kafka-production.md)
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("localhost:9092"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getProperties().put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"routing-service\" password=\"secret\";");
        kafka.getSsl().setTrustStoreType("PEM");

        // when routing's health indicator and dead-letter topic take their admin client settings
        Map<String, Object> settings = BinderAdminSettings.of(kafka, "broker-1:9093,broker-2:9093");

        // then they log in as the service does, on the binder's brokers
        assertThat(settings).containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsKey("sasl.jaas.config");
    }
}
