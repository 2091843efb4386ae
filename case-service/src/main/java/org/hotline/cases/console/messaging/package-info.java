/** The complaint's own record on complaints.received.v1, found again and opened for the console. */
@NullMarked
package org.hotline.cases.console.messaging;

import org.jspecify.annotations.NullMarked;
