/** The acknowledgement pages, in the body's language. */
@NullMarked
package org.hotline.cases.acknowledgement.web;

import org.jspecify.annotations.NullMarked;
