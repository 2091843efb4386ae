/**
 * Reading the YAML data files an NGO edits against their published JSON Schemas (docs/schemas/data), with every
 * problem reported by file and line, and binding them to records.
 */
@NullMarked
package org.hotline.datafiles;

import org.jspecify.annotations.NullMarked;
