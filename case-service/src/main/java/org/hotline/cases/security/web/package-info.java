/** The HTTP side of security: RFC 9457 answers to refused requests, and the refusal of cross-origin writes. */
@NullMarked
package org.hotline.cases.security.web;

import org.jspecify.annotations.NullMarked;
