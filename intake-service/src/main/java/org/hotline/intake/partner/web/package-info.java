/**
 * Partner organisations that submit complaints on someone's behalf (a hotline operator's console, a partner NGO):
 * each has a key of its own, a rate limit of its own and idempotency keys of its own.
 */
@NullMarked
package org.hotline.intake.partner.web;

import org.jspecify.annotations.NullMarked;
