@NullMarked
package org.hotline.intake.complaint.web;

import org.jspecify.annotations.NullMarked;
