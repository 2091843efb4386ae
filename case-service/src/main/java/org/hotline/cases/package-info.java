/**
 * The case service: follows each complaint after routing, with a statutory clock per body, the bodies'
 * acknowledgements, and the status the complainant can ask for.
 */
@NullMarked
package org.hotline.cases;

import org.jspecify.annotations.NullMarked;
