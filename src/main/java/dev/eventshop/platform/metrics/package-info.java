/**
 * Micrometer timers per message type and processor latency, registered once, in place of Axon's monitors.
 */
package dev.eventshop.platform.metrics;
