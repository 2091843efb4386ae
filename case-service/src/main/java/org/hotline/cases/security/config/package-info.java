/** Who may call what: the users from configuration, the filter chains of the public pages and the management port. */
@NullMarked
package org.hotline.cases.security.config;

import org.jspecify.annotations.NullMarked;
