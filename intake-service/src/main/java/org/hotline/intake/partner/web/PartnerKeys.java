package org.hotline.intake.partner.web;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The partners by the SHA-256 of their keys. A key is 32 random bytes or more, so its hash is enough to find it
 * and comparing hashes tells an attacker nothing about a key; checking one costs a hash, not a password
 * derivation, so a flood of wrong keys costs the intake little.
 */
public final class PartnerKeys {

    /** A partner's key as configured: its name, the SHA-256 of its key (lower-case hex) and its rate. */
    public record Configured(Partner partner, String keySha256) {
    }

    private final Map<String, Partner> byKeyHash = new HashMap<>();

    public PartnerKeys(List<Configured> partners) {
        Map<String, Partner> byName = new HashMap<>();
        for (Configured configured : partners) {
            Partner partner = configured.partner();
            if (byName.put(partner.name(), partner) != null) {
                throw new IllegalArgumentException("two partner accounts are named " + partner.name());
            }
            if (byKeyHash.put(configured.keySha256(), partner) != null) {
                throw new IllegalArgumentException("partner " + partner.name() + " has the key of another partner");
            }
        }
    }

    /** The partner whose key this is, or null. */
    public @Nullable Partner find(String key) {
        return byKeyHash.get(HexFormat.of().formatHex(Partner.sha256(key)));
    }
}
