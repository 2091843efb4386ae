/** The preview endpoint and its RFC 9457 errors. */
@NullMarked
package org.hotline.routing.complaint.web;

import org.jspecify.annotations.NullMarked;
