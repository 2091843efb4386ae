/** Wiring of the directory: where its files are, how often they are checked, its metrics. */
@NullMarked
package org.hotline.routing.directory.config;

import org.jspecify.annotations.NullMarked;
