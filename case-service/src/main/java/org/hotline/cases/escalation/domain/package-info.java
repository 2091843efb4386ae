/** The escalation ladder and the check that reminds silent bodies and tells their superiors. */
@NullMarked
package org.hotline.cases.escalation.domain;

import org.jspecify.annotations.NullMarked;
