/** A body confirming receipt of a complaint through its link. */
@NullMarked
package org.hotline.cases.acknowledgement.application;

import org.jspecify.annotations.NullMarked;
