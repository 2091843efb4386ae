/** Planning messages for a routed complaint and dispatching them once, with retries, through ports. */
@NullMarked
package org.hotline.notification.dispatch.application;

import org.jspecify.annotations.NullMarked;
