/**
 * What a complaint is and what makes it acceptable: plain Java, no Spring, no Kafka.
 */
@NullMarked
package org.hotline.intake.complaint.domain;

import org.jspecify.annotations.NullMarked;
