/** Authenticated encryption of the fields that identify a complainant: plain Java, no Spring. */
@NullMarked
package org.hotline.intake.sealing.domain;

import org.jspecify.annotations.NullMarked;
