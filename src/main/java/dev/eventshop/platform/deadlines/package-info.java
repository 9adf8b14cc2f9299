/**
 * Durable deadlines: Axon's db-scheduler deadline manager over the application's PostgreSQL.
 */
package dev.eventshop.platform.deadlines;
