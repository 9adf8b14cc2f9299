/**
 * Reading the past: audit trails of stored events, and an aggregate rebuilt as it was at an instant.
 */
package dev.eventshop.platform.history;
