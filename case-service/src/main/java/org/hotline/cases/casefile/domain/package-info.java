/** A complaint's case file: what each body was told, when, and what it did, against its deadlines. */
@NullMarked
package org.hotline.cases.casefile.domain;

import org.jspecify.annotations.NullMarked;
