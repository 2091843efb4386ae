/** What the service does to its meters before Prometheus reads them, whatever feature registers them. */
@NullMarked
package org.hotline.intake.metrics;

import org.jspecify.annotations.NullMarked;
