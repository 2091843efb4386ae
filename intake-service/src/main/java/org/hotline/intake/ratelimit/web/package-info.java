/** The rate limits applied to HTTP requests: who the client is, and the 429 answer. */
@NullMarked
package org.hotline.intake.ratelimit.web;

import org.jspecify.annotations.NullMarked;
