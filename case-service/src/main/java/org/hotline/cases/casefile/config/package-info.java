/** Settings of the case files and their topics. */
@NullMarked
package org.hotline.cases.casefile.config;

import org.jspecify.annotations.NullMarked;
