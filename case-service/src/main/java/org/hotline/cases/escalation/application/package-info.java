@NullMarked
package org.hotline.cases.escalation.application;

import org.jspecify.annotations.NullMarked;
