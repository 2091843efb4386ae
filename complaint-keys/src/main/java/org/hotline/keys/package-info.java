/**
 * The lookup of each complaint's data key, wrapped under the service key, for crypto-shredding: a local copy of the
 * compacted topic {@code complaints.keys.v1} on disk ({@link org.hotline.keys.ComplaintKeyStore}).
 */
@NullMarked
package org.hotline.keys;

import org.jspecify.annotations.NullMarked;
