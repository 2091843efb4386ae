package org.hotline.web.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The two limits of one endpoint (intake's complaints, the case service's status API and acknowledgement form),
 * checked in this order:
 * <ol>
 *   <li>the client's own bucket: one client cannot use up what everyone shares, and its refused requests cost the
 *       global bucket nothing;</li>
 *   <li>the global bucket, shared by all clients, which protects the service and what lies behind it from a flood
 *       of many addresses. A request it refuses gets its client's token back.</li>
 * </ol>
 * Client buckets live in a map bounded by {@code maxClients}, in order of last use. A bucket untouched for as long
 * as it takes to fill up is dropped (a new one would be the same), and when the map is still full the least
 * recently used client is dropped: a flood of distinct addresses costs at most {@code maxClients} entries, and
 * what it can win is a fresh bucket for an address it would have been given one for anyway.
 */
public final class RateLimiter {

    private static final Rate UNLIMITED = new Rate(Integer.MAX_VALUE, Duration.ofSeconds(1), Integer.MAX_VALUE);

    private final Rate perClient;
    private final int maxClients;
    private final long clientIdleNanos;
    private final TokenBucket global;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<ClientKey, Entry> clients = new LinkedHashMap<>(1024, 0.75f, true);

    public RateLimiter(Rate perClient, Rate global, int maxClients, LongSupplier nanoTime) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1");
        }
        this.perClient = perClient;
        this.maxClients = maxClients;
        this.clientIdleNanos = perClient.nanosToFill();
        this.nanoTime = nanoTime;
        this.global = new TokenBucket(global, nanoTime.getAsLong());
    }

    /** Each client's own bucket and nothing shared, for an allowance that is only per client (a mailbox's). */
    public static RateLimiter perClientOnly(Rate perClient, int maxClients, LongSupplier nanoTime) {
        return new RateLimiter(perClient, UNLIMITED, maxClients, nanoTime);
    }

    public Decision tryAcquire(ClientKey client) {
        return tryAcquire(client, perClient);
    }

    /**
     * As {@link #tryAcquire(ClientKey)}, for a client with a rate of its own (an account that submits for many
     * people, such as a partner organisation), still within the global limit. The rate a client's bucket is
     * made with is the one of its first request.
     */
    public Decision tryAcquire(ClientKey client, Rate own) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket;
        long clientWait;
        synchronized (clients) {
            bucket = bucketOf(client, own, now);
            clientWait = bucket.tryTake(now);
        }
        if (clientWait > 0) {
            return new Decision(Decision.Limit.CLIENT, Duration.ofNanos(clientWait));
        }
        long globalWait = global.tryTake(now);
        if (globalWait > 0) {
            bucket.giveBack();
            return new Decision(Decision.Limit.GLOBAL, Duration.ofNanos(globalWait));
        }
        return Decision.ALLOWED;
    }

    /**
     * Gives a client back the token of a request that took one and then came to nothing (the intake's broker failed
     * it), so that the client's retry is not counted twice. Nothing for a client no longer remembered.
     */
    public void giveBack(ClientKey client) {
        synchronized (clients) {
            Entry entry = clients.get(client);
            if (entry != null) {
                entry.bucket.giveBack();
            }
        }
    }

    /** How many clients the limiter remembers now. */
    public int clients() {
        synchronized (clients) {
            return clients.size();
        }
    }

    private TokenBucket bucketOf(ClientKey client, Rate rate, long now) {
        Entry entry = clients.get(client);
        if (entry == null) {
            dropIdle(now);
            if (clients.size() >= maxClients) {
                Iterator<Map.Entry<ClientKey, Entry>> eldest = clients.entrySet().iterator();
                eldest.next();
                eldest.remove();
            }
            entry = new Entry(new TokenBucket(rate, now), rate.nanosToFill());
            clients.put(client, entry);
        }
        entry.usedAt = now;
        return entry.bucket;
    }

    /** Eldest first: the map is in order of last use, so the first entry still in use ends the sweep. */
    private void dropIdle(long now) {
        Iterator<Entry> entries = clients.values().iterator();
        while (entries.hasNext()) {
            Entry entry = entries.next();
            if (now - entry.usedAt < Math.min(entry.idleNanos, clientIdleNanos)) {
                return;
            }
            if (now - entry.usedAt < entry.idleNanos) {
                // A client of its own rate that fills up more slowly than the others: kept until it is full.
                continue;
            }
            entries.remove();
        }
    }

    private static final class Entry {
        final TokenBucket bucket;
        final long idleNanos;
        long usedAt;

        Entry(TokenBucket bucket, long idleNanos) {
            this.bucket = bucket;
            this.idleNanos = idleNanos;
        }
    }
}
