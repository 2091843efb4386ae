/**
 * The cap on acknowledgements per email address: its settings and its per-instance memory (docs/security.md,
 * "Acknowledgements").
 */
@NullMarked
package org.hotline.intake.acknowledgement.config;

import org.jspecify.annotations.NullMarked;
