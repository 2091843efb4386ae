/** Reading the routing directory's authorities file. */
@NullMarked
package org.hotline.cases.directory.application;

import org.jspecify.annotations.NullMarked;
