/** Opening the sealed fields of complaint events (AES-256-GCM): plain Java, no Spring. */
@NullMarked
package org.hotline.cases.sealing.domain;

import org.jspecify.annotations.NullMarked;
