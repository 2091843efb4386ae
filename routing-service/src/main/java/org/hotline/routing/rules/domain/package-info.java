/** The rules engine: complaint facts in, an explained decision out. No framework here. */
@NullMarked
package org.hotline.routing.rules.domain;

import org.jspecify.annotations.NullMarked;
