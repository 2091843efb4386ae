/** The directory's files, where they come from, and the metrics of their loads. */
@NullMarked
package org.hotline.routing.directory.application;

import org.jspecify.annotations.NullMarked;
