/**
 * What the order feature offers others: its commands, events, queries and views, as records.
 */
package dev.eventshop.order.api;
