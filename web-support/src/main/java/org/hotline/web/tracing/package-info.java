/**
 * A complaint's trace across the services' Kafka hops, for the records they write and read themselves rather than
 * through an observed template or listener container, and the complaint id in the logs while a service works on one
 * (docs/operations.md, "Logs and traces").
 */
@NullMarked
package org.hotline.web.tracing;

import org.jspecify.annotations.NullMarked;
