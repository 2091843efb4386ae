/** Erasing a complaint: its data key's tombstone, on request or at the end of its retention. */
@NullMarked
package org.hotline.cases.erasure.application;

import org.jspecify.annotations.NullMarked;
