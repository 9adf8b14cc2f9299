/**
 * Several nodes on one PostgreSQL: the event store that NOTIFYs every commit, the listener that wakes this node's
 * processors and evicts stale cached aggregates, the node heartbeat and the balancer that shares segments fairly.
 */
package dev.eventshop.platform.cluster;
