package org.hotline.web.ratelimit;

/**
 * A client as the limiter knows it: 128 bits of a keyed hash of its address, never the address itself, so that
 * the limiter's memory (a heap dump) cannot tell who sent requests.
 */
public record ClientKey(long high, long low) {
}
