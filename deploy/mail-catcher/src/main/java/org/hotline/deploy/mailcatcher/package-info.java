/** A development mailbox for the local stack and compose: SMTP in, HTTP listing and .eml files out. */
@NullMarked
package org.hotline.deploy.mailcatcher;

import org.jspecify.annotations.NullMarked;
