/** The partner accounts and their filter, wired from {@code hotline.intake.partners.*}. */
@NullMarked
package org.hotline.intake.partner.config;

import org.jspecify.annotations.NullMarked;
