/** What every HTTP answer of the service carries, whichever feature gives it. */
@NullMarked
package org.hotline.routing.http;

import org.jspecify.annotations.NullMarked;
