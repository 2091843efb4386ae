/** The administrators' erasure request. */
@NullMarked
package org.hotline.cases.erasure.web;

import org.jspecify.annotations.NullMarked;
