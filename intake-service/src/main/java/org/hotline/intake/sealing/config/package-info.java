@NullMarked
package org.hotline.intake.sealing.config;

import org.jspecify.annotations.NullMarked;
