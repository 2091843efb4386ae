/** The rate limits applied to the public HTTP endpoints: who the client is, and the 429 answer. */
@NullMarked
package org.hotline.cases.ratelimit.web;

import org.jspecify.annotations.NullMarked;
