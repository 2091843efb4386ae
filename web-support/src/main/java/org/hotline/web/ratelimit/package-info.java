/**
 * Rate limits for public endpoints: token buckets per client and one for all clients ({@link
 * org.hotline.web.ratelimit.RateLimiter}), and the client a request counts against ({@link
 * org.hotline.web.ratelimit.ClientIdentifier}: the peer address, or the nearest address a trusted proxy added).
 * Each service keeps its own filter and settings, which say what its endpoints answer when refused.
 */
@NullMarked
package org.hotline.web.ratelimit;

import org.jspecify.annotations.NullMarked;
