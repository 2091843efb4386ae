/** What the case service reads of the routing directory: the bodies' names. Plain Java. */
@NullMarked
package org.hotline.cases.directory.domain;

import org.jspecify.annotations.NullMarked;
