/**
 * Traces and logs: the complaint's trace carried in its records' headers, and the complaint id in the logs
 * (docs/operations.md, "Logs and traces").
 */
@NullMarked
package org.hotline.intake.tracing;

import org.jspecify.annotations.NullMarked;
