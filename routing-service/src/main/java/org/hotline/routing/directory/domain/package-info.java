/** The jurisdiction directory: administrative units and the bodies covering them. No framework here. */
@NullMarked
package org.hotline.routing.directory.domain;

import org.jspecify.annotations.NullMarked;
