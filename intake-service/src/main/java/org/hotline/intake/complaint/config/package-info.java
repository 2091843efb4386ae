@NullMarked
package org.hotline.intake.complaint.config;

import org.jspecify.annotations.NullMarked;
