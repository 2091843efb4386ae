/**
 * Token buckets and the two limits (per client, global) of a public endpoint: plain Java, no Spring. A copy of
 * intake-service's {@code ratelimit.domain}, until both move to a shared module.
 */
@NullMarked
package org.hotline.cases.ratelimit.domain;

import org.jspecify.annotations.NullMarked;
