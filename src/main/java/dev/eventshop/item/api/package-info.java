/**
 * What the item feature offers others: its commands, events, queries and views, as records.
 */
package dev.eventshop.item.api;
