/** Recording events in case files, computing deadlines as decisions arrive. */
@NullMarked
package org.hotline.cases.casefile.application;

import org.jspecify.annotations.NullMarked;
