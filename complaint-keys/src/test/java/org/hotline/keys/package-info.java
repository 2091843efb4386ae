@NullMarked
package org.hotline.keys;

import org.jspecify.annotations.NullMarked;
