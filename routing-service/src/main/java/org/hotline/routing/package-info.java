@NullMarked
package org.hotline.routing;

import org.jspecify.annotations.NullMarked;
