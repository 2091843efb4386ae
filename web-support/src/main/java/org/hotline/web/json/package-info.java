/**
 * Request bodies and events read against the JSON Schemas the project publishes in docs/schemas, packaged in this
 * jar: the documented contract is the one the code checks, and two services that take the same body or event check
 * it with the same file ({@link org.hotline.web.json.JsonRequestSchema}, {@link org.hotline.web.json.JsonEventSchema}).
 */
@NullMarked
package org.hotline.web.json;

import org.jspecify.annotations.NullMarked;
