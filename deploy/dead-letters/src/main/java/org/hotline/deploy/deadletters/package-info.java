/**
 * The operator's dead-letter tool: {@code list} shows why each record on a dead-letter topic failed, {@code replay}
 * re-publishes chosen records to the topic they came from. Plain kafka-clients; no Spring context.
 */
@NullMarked
package org.hotline.deploy.deadletters;

import org.jspecify.annotations.NullMarked;
