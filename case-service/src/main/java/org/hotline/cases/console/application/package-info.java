/** What the caseworker console asks of the case files: the queue, one case, and its complainant's contact details. */
@NullMarked
package org.hotline.cases.console.application;

import org.jspecify.annotations.NullMarked;
