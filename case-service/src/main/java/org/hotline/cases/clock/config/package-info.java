@NullMarked
package org.hotline.cases.clock.config;

import org.jspecify.annotations.NullMarked;
