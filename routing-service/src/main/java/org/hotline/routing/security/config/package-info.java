/** Who may call what: the users from configuration, the filter chains of the API and the management port. */
@NullMarked
package org.hotline.routing.security.config;

import org.jspecify.annotations.NullMarked;
