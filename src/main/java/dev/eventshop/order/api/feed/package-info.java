/**
 * The order feature's part of the event feed's public contract: the data of each integration event type, one
 * record per type and version. A record here changes only with a new version (its JSON schema is pinned).
 */
package dev.eventshop.order.api.feed;
