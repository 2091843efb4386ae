/** The durable outbox and ledger of what was sent, on local disk. */
@NullMarked
package org.hotline.notification.dispatch.ledger;

import org.jspecify.annotations.NullMarked;
