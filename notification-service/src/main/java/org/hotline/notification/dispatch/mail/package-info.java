/** Mail adapters: Thymeleaf templates rendered to MIME, and SMTP delivery through Jakarta Mail. */
@NullMarked
package org.hotline.notification.dispatch.mail;

import org.jspecify.annotations.NullMarked;
