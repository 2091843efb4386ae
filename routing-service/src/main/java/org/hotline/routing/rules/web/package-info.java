/** HTTP operations on the routing engine: reloading the directory and its rules on demand. */
@NullMarked
package org.hotline.routing.rules.web;

import org.jspecify.annotations.NullMarked;
