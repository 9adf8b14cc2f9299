/**
 * The embedded PostgreSQL started when no datasource is configured (data kept on disk, orphans recovered), and
 * Hibernate's mapping of binary columns to {@code bytea}.
 */
package dev.eventshop.platform.database;
