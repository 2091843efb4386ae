/** What every answer of the API port carries: the security headers, and Tomcat's rejections as problems. */
@NullMarked
package org.hotline.notification.http;

import org.jspecify.annotations.NullMarked;
