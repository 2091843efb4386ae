/** The erasure's settings and wiring. */
@NullMarked
package org.hotline.cases.erasure.config;

import org.jspecify.annotations.NullMarked;
