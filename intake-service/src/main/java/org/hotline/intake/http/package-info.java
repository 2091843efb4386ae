/** What every HTTP answer of the service carries, whichever feature gives it. */
@NullMarked
package org.hotline.intake.http;

import org.jspecify.annotations.NullMarked;
