package org.hotline.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientIdentifierTest {

    private final ClientIdentifier behindIngress = new ClientIdentifier(List.of("10.0.0.0/8", "192.0.2.1"));

    @Test
    void takesThePeerWhenItIsNoTrustedProxyWhateverXForwardedForSays() {
        assertThat(behindIngress.address("203.0.113.7", forwarded("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRightBehindTrustedProxies() {
        assertThat(behindIngress.address("10.1.2.3", forwarded("198.51.100.66, 203.0.113.7", "192.0.2.1")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void takesThePeerWhenATrustedProxySendsNoXForwardedFor() {
        assertThat(behindIngress.address("10.1.2.3", forwarded())).isEqualTo("10.1.2.3");
    }

    @Test
    void treatsAHostNameInXForwardedForAsAClientNeverAsAProxy() {
        assertThat(behindIngress.address("10.1.2.3", forwarded("localhost"))).isEqualTo("localhost");
    }

    @Test
    void trustsAnyPrivatePeerWithTheRangesOfTheKubernetesBase() {
        ClientIdentifier kubernetes = new ClientIdentifier(
                List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"));

        assertThat(kubernetes.address("fd12:3456::1", forwarded("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(kubernetes.address("172.20.0.5", forwarded("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(kubernetes.address("203.0.113.9", forwarded("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void givesOneAddressOneKeyAndTwoAddressesTwo() {
        MockHttpServletRequest first = request("203.0.113.7");
        MockHttpServletRequest again = request("203.0.113.7");
        MockHttpServletRequest other = request("203.0.113.8");

        assertThat(behindIngress.identify(first)).isEqualTo(behindIngress.identify(again))
                .isNotEqualTo(behindIngress.identify(other));
    }

    @Test
    void keysAnAddressDifferentlyInEachProcess() {
        assertThat(new ClientIdentifier(List.of()).identify(request("203.0.113.7")))
                .isNotEqualTo(new ClientIdentifier(List.of()).identify(request("203.0.113.7")));
    }

    private static MockHttpServletRequest request(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
        request.setRemoteAddr(peer);
        return request;
    }

    private static java.util.Enumeration<String> forwarded(String... headers) {
        return Collections.enumeration(List.of(headers));
    }
}
