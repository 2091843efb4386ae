/** Test fixtures shared by every module's tests: never a dependency of main code. */
@NullMarked
package org.hotline.testsupport;

import org.jspecify.annotations.NullMarked;
