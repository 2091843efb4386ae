@NullMarked
package org.hotline.intake.complaint.messaging;

import org.jspecify.annotations.NullMarked;
