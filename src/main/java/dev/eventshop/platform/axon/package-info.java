/**
 * How Axon runs here: the strict event serializer, snapshot triggers, the bounded aggregate caches, handler
 * errors that fail a batch instead of being skipped, and the principal carried on every message.
 */
package dev.eventshop.platform.axon;
