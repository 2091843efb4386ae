/**
 * The case files as a Kafka Streams application, fed by the complaint, notification and case topics: the topology,
 * its processor and stores, the readers of the events it consumes and the writers of what it produces. The
 * processor keeps each case file (the {@code casefile} feature) and, in its punctuator, runs the escalation
 * ladder's silence check (the {@code escalation} feature), so this package depends on both and neither depends on
 * it: the two features point one way (escalation reads case files).
 */
@NullMarked
package org.hotline.cases.topology.messaging;

import org.jspecify.annotations.NullMarked;
