/** The intake service: complaints accepted over HTTP, sealed, and made durable on Kafka. */
@NullMarked
package org.hotline.intake;

import org.jspecify.annotations.NullMarked;
