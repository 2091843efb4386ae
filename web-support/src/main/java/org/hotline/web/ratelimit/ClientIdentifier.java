package org.hotline.web.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who sent a request, as a {@link ClientKey}: the peer's address, or, when the peer is one of the trusted proxies,
 * the first address of {@code X-Forwarded-For} counted from the right that is not a trusted proxy (the entries
 * left of it were written by the client and prove nothing). The address is hashed with HMAC-SHA-256 under a key
 * drawn at start and never stored, so the key of an address cannot be recomputed from outside the process nor
 * after a restart, and the address itself is neither kept nor logged.
 */
public final class ClientIdentifier {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** An IP literal: IPv4 dotted quad or IPv6 hex with colons. Anything else is never resolved (no DNS). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;
    private final ClientKeys keys = new ClientKeys();

    public ClientIdentifier(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    public ClientKey identify(HttpServletRequest request) {
        return keys.of(address(request.getRemoteAddr(), request.getHeaders(FORWARDED_FOR)));
    }

    String address(String peer, Enumeration<String> forwardedHeaders) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedHeaders.hasMoreElements()) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        // Only proxies: the request began at a proxy (or the header is missing); the leftmost is the best we know.
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean trusted(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            for (IpAddressMatcher proxy : trustedProxies) {
                if (proxy.matches(address)) {
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not an address after all: a client's invention, hence not a proxy.
            return false;
        }
        return false;
    }
}
