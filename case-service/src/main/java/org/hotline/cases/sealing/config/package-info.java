/** The sealing keys, from configuration. */
@NullMarked
package org.hotline.cases.sealing.config;

import org.jspecify.annotations.NullMarked;
