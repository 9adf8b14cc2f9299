/**
 * What the user feature offers others: its commands, events, queries and views, as records.
 */
package dev.eventshop.user.api;
