@NullMarked
package org.hotline.cases.ratelimit.config;

import org.jspecify.annotations.NullMarked;
