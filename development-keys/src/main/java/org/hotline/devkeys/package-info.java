/**
 * The refusal of development keys outside the {@code dev} profile, shared by every service that reads a key from
 * configuration. A plain class that each service's configuration calls with its own digests and its own words for
 * the danger, not a bean: the check belongs where the key is read, before anything is built with it.
 */
@NullMarked
package org.hotline.devkeys;

import org.jspecify.annotations.NullMarked;
