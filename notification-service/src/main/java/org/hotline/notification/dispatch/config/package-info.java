/** Wiring and settings of the dispatch feature. */
@NullMarked
package org.hotline.notification.dispatch.config;

import org.jspecify.annotations.NullMarked;
