/**
 * The operator's side: the admin API ({@code /api/admin/**}) over Axon's processors, dead letters, sagas and the
 * event store, the live metrics behind the dashboard's charts, and the dashboard page itself.
 */
package dev.eventshop.ops;
