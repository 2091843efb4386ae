package org.hotline.cases.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TracingConfigurationTest {

    private static final String LINK = "/ack/djEKZGV2LWFjay0xCjliZDlm.UocQe0iXElLK256gFU84mvbWUeoKnfaRK63WCgCiVQU";

    @Test
    void anHttpServerSpanLeavesWithoutTheAddressThatHoldsABodysLinkToken() {
        // given the observation of a body opening its acknowledgement page, as Spring fills it in
        ServerRequestObservationContext context = new ServerRequestObservationContext(
                new MockHttpServletRequest("GET", LINK), new MockHttpServletResponse());
        context.addLowCardinalityKeyValue(KeyValue.of("uri", "/ack/{token}"));
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", LINK));

        // when the service's filter has seen it
        Observation.Context filtered = TracingConfiguration.withoutAddress(context);

        // then the token's address is gone, and the template stays
        assertThat(filtered.getHighCardinalityKeyValue("http.url")).isNull();
        assertThat(filtered.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/ack/{token}");
    }

    @Test
    void leavesOtherObservationsAsTheyAre() {
        // given another observation with a key of that name
        Observation.Context other = new Observation.Context();
        other.addHighCardinalityKeyValue(KeyValue.of("http.url", "http://broker:9092"));

        // then the filter does not touch it
        assertThat(TracingConfiguration.withoutAddress(other).getHighCardinalityKeyValue("http.url").getValue())
                .isEqualTo("http://broker:9092");
    }
}
