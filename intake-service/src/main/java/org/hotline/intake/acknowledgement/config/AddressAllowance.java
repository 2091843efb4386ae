package org.hotline.intake.acknowledgement.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.hotline.intake.complaint.application.AcknowledgementCap;
import org.hotline.web.ratelimit.ClientKeys;
import org.hotline.web.ratelimit.Rate;
import org.hotline.web.ratelimit.RateLimiter;

/**
 * The cap as a token bucket per address, in this instance's memory. An address is known only by 128 bits of an
 * HMAC under a key drawn at start and never stored, so the memory of the cap (a heap dump) does not list who
 * complained. Each instance counts on its own, and a restart forgets: with n instances an address may be sent up
 * to n times its allowance, which still turns a flood into a handful.
 */
final class AddressAllowance implements AcknowledgementCap {

    private final RateLimiter buckets;
    private final ClientKeys keys = new ClientKeys();
    private final Counter withheld;

    AddressAllowance(Rate perAddress, int maxAddresses, LongSupplier nanoTime, MeterRegistry registry) {
        this.buckets = RateLimiter.perClientOnly(perAddress, maxAddresses, nanoTime);
        this.withheld = Counter.builder("hotline.intake.acknowledgements.withheld")
                .description("Complaints accepted whose acknowledgement was withheld: their address had had its "
                        + "allowance")
                .register(registry);
    }

    @Override
    public boolean tryTake(String email) {
        if (buckets.tryAcquire(keys.of(mailbox(email))).allowed()) {
            return true;
        }
        withheld.increment();
        return false;
    }

    @Override
    public void giveBack(String email) {
        buckets.giveBack(keys.of(mailbox(email)));
    }

    /**
     * The mailbox an address delivers to, as far as it can be told from outside: case does not matter, a
     * {@code +tag} of the local part reaches the same mailbox, and Gmail ignores dots. Two addresses taken for
     * one here share an allowance; that can only withhold an acknowledgement early, never send one more.
     */
    static String mailbox(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int tag = local.indexOf('+');
        if (tag >= 0) {
            local = local.substring(0, tag);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
