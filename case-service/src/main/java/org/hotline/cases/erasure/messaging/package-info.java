/** The tombstone on the keys topic. */
@NullMarked
package org.hotline.cases.erasure.messaging;

import org.jspecify.annotations.NullMarked;
