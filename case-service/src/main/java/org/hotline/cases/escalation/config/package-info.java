@NullMarked
package org.hotline.cases.escalation.config;

import org.jspecify.annotations.NullMarked;
