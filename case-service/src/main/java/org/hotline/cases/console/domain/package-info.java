/** The caseworker console's own words for a case: where it stands among the others, and what its complainant gave. */
@NullMarked
package org.hotline.cases.console.domain;

import org.jspecify.annotations.NullMarked;
