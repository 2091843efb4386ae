/** The HTTP side of security: RFC 9457 answers to refused requests. */
@NullMarked
package org.hotline.intake.security.web;

import org.jspecify.annotations.NullMarked;
