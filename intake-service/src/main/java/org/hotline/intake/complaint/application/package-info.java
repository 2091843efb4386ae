@NullMarked
package org.hotline.intake.complaint.application;

import org.jspecify.annotations.NullMarked;
