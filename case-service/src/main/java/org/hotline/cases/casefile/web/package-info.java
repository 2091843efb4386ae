/** The complainant's status API. */
@NullMarked
package org.hotline.cases.casefile.web;

import org.jspecify.annotations.NullMarked;
