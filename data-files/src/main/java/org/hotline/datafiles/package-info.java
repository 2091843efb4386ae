/** Reading the YAML data files an NGO edits, with every problem reported by file and line. */
@NullMarked
package org.hotline.datafiles;

import org.jspecify.annotations.NullMarked;
