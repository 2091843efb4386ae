/** HTTP operations on the directory: reloading it on demand. */
@NullMarked
package org.hotline.routing.directory.web;

import org.jspecify.annotations.NullMarked;
