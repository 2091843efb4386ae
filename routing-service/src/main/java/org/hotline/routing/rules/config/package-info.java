/** The current routing engine's wiring: its loader, its change watcher and its health. */
@NullMarked
package org.hotline.routing.rules.config;

import org.jspecify.annotations.NullMarked;
