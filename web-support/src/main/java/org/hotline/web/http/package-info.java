/**
 * What every answer of a service's API port carries, whichever feature gives it: the security headers ({@link
 * org.hotline.web.http.SecurityHeadersFilter}), also on the answers Tomcat writes itself before the application
 * sees the request ({@link org.hotline.web.http.TomcatErrorReports}).
 * <p>
 * Plain classes that a service declares as beans in its own configuration, not an auto-configuration: the content
 * security policy depends on what pages the service serves, and the limits a rejection names on how the service
 * is configured, so the service states both where it wires them.
 */
@NullMarked
package org.hotline.web.http;

import org.jspecify.annotations.NullMarked;
