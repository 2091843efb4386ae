/**
 * The security pieces every service had copied: RFC 9457 answers to refused requests ({@link
 * org.hotline.web.security.ProblemResponder}), the CSRF defence of browser writes ({@link
 * org.hotline.web.security.CrossOriginWriteFilter}) and the configured accounts ({@link
 * org.hotline.web.security.Account}, {@link org.hotline.web.security.Accounts}).
 * <p>
 * Plain classes, no auto-configuration and no component scan: which paths are public, which roles open what and
 * which filter goes where in the chain is a service's own security decision, so each service builds its filter
 * chains in its own {@code SecurityConfiguration} and creates these pieces there, where a reviewer reads the whole
 * rule set in one file. An auto-configuration would add beans nobody sees asked for, and a service that left one
 * out would have to know to switch it off.
 */
@NullMarked
package org.hotline.web.security;

import org.jspecify.annotations.NullMarked;
