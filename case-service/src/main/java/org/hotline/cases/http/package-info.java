/** What every HTTP answer of the service carries, whichever feature gives it. */
@NullMarked
package org.hotline.cases.http;

import org.jspecify.annotations.NullMarked;
