/** The console's beans. */
@NullMarked
package org.hotline.cases.console.config;

import org.jspecify.annotations.NullMarked;
