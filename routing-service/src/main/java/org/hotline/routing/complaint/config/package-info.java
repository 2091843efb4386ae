/** Settings and metrics of complaint routing. */
@NullMarked
package org.hotline.routing.complaint.config;

import org.jspecify.annotations.NullMarked;
