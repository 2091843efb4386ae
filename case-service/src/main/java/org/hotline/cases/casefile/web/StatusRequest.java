package org.hotline.cases.casefile.web;

import org.jspecify.annotations.Nullable;

/** The complainant's question, as the receipt of intake's 202 gave them both values. */
record StatusRequest(@Nullable String reference, @Nullable String trackingCode) {
}
