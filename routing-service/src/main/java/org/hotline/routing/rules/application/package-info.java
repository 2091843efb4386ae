/** The routing engine in use, and its reload when the directory's files change. */
@NullMarked
package org.hotline.routing.rules.application;

import org.jspecify.annotations.NullMarked;
