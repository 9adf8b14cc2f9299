/**
 * The event feed for other services: integration events (a public, versioned contract the features declare) as
 * CloudEvents, in the store's global order, gap-safe.
 */
package dev.eventshop.platform.feed;
