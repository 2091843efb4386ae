/** Token buckets and the two limits of the complaint endpoint: plain Java, no Spring. */
@NullMarked
package org.hotline.intake.ratelimit.domain;

import org.jspecify.annotations.NullMarked;
