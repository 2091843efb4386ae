/** Routing complaints with the current directory: the use cases the handlers call. */
@NullMarked
package org.hotline.routing.complaint.application;

import org.jspecify.annotations.NullMarked;
