package org.hotline.intake.partner.web;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The partners by the SHA-256 of their keys. A key is 32 random bytes or more, so its hash is enough to find it
 * and comparing hashes tells an attacker nothing about a key; checking one costs a hash, not a password
 * derivation, so a flood of wrong keys costs the intake little.
 */
public final class PartnerKeys {

    /**
     * A partner as configured: its name and rate, the SHA-256 of its key and of the keys it may still use while it
     * changes keys (lower-case hex).
     */
    public record Configured(Partner partner, String keySha256, List<String> previousKeySha256s) {

        public Configured {
            previousKeySha256s = List.copyOf(previousKeySha256s);
        }
    }

    /**
     * The partner a key is, whether it is one of the partner's previous keys, and whether it was withdrawn (then it
     * is refused as a key that is nobody's, and counted as the partner's).
     */
    public record Found(Partner partner, boolean previousKey, boolean withdrawn) {
    }

    private final Map<String, Found> byKeyHash = new HashMap<>();
    /** SHA-256 (lower-case hex) of keys withdrawn while the intake runs, replaced whole by {@link #withdraw}. */
    private volatile Set<String> withdrawn = Set.of();

    public PartnerKeys(List<Configured> partners) {
        Map<String, Partner> byName = new HashMap<>();
        for (Configured configured : partners) {
            Partner partner = configured.partner();
            if (byName.put(partner.name(), partner) != null) {
                throw new IllegalArgumentException("two partner accounts are named " + partner.name());
            }
            put(configured.keySha256(), new Found(partner, false, false));
            configured.previousKeySha256s().forEach(previous -> put(previous, new Found(partner, true, false)));
        }
    }

    /** The partner whose key, current or previous, this is; null when it is nobody's. */
    public @Nullable Found find(String key) {
        String hash = HexFormat.of().formatHex(Partner.sha256(key));
        Found found = byKeyHash.get(hash);
        if (found != null && withdrawn.contains(hash)) {
            return new Found(found.partner(), found.previousKey(), true);
        }
        return found;
    }

    /**
     * From now on, refuses the keys with these SHA-256 (lower-case hex), whoever's they are, in place of those
     * withdrawn before: a leaked key stops working without a restart.
     */
    public void withdraw(Set<String> keySha256s) {
        withdrawn = Set.copyOf(keySha256s);
    }

    /** How many keys are withdrawn now (the withdrawn-keys file's lines, whether or not they are a partner's). */
    public int withdrawnCount() {
        return withdrawn.size();
    }

    private void put(String keySha256, Found found) {
        Found before = byKeyHash.put(keySha256, found);
        if (before != null) {
            throw new IllegalArgumentException("partner " + found.partner().name() + " has a key given twice, or "
                    + "the key of another partner" + (before.partner().name().equals(found.partner().name()) ? ""
                            : " (" + before.partner().name() + ")"));
        }
    }
}
