/** Who may call what: the users from configuration and the filter chains of the API and the management port. */
@NullMarked
package org.hotline.intake.security.config;

import org.jspecify.annotations.NullMarked;
