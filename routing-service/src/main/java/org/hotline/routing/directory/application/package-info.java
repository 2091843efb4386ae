/** Loading, checking and reloading the jurisdiction directory and its rules. */
@NullMarked
package org.hotline.routing.directory.application;

import org.jspecify.annotations.NullMarked;
