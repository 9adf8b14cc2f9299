/**
 * Reading views: waiting for a view to reach a version ({@code ?minVersion=}, read-your-writes), and telling
 * subscription queries that a view changed, except while a replay goes through old states.
 */
package dev.eventshop.platform.views;
