/** The caseworker console's pages: the queue, a case, its complainant, its dossier (role STAFF). */
@NullMarked
package org.hotline.cases.console.web;

import org.jspecify.annotations.NullMarked;
