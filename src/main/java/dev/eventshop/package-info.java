/**
 * EventShop: an event-sourced shop on Axon Framework and PostgreSQL. One package per feature ({@code user},
 * {@code item}, {@code order}), each with a public {@code api} package of commands, events, queries and views and
 * package-private internals; {@code ops} is the operator's API and dashboard, {@code platform} the infrastructure
 * they all stand on, {@code common} the few types several features' messages share.
 */
package dev.eventshop;
