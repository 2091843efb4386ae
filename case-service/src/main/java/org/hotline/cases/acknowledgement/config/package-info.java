/** The link keys and validity. */
@NullMarked
package org.hotline.cases.acknowledgement.config;

import org.jspecify.annotations.NullMarked;
