/** What is sent to whom, in which language, and how values are made safe for mail: plain Java, no Spring. */
@NullMarked
package org.hotline.notification.dispatch.domain;

import org.jspecify.annotations.NullMarked;
