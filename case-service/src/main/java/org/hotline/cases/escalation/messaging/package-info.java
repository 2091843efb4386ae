@NullMarked
package org.hotline.cases.escalation.messaging;

import org.jspecify.annotations.NullMarked;
