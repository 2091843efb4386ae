@NullMarked
package org.hotline.intake.ratelimit.config;

import org.jspecify.annotations.NullMarked;
