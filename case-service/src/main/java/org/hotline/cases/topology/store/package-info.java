/**
 * The memory of the case service's RocksDB stores: one bounded budget shared by every store of the instance (case
 * files, complainant blocks, and the global status copy), whatever the number of partitions it holds or of open
 * cases it follows. Kafka Streams would otherwise give each store its own block cache and memtables, memory outside
 * the heap that grows with both.
 */
@NullMarked
package org.hotline.cases.topology.store;

import org.jspecify.annotations.NullMarked;
