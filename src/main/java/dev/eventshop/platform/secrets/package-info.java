/**
 * Secrets the service generates for itself and keeps in its data directory, readable by its user only.
 */
package dev.eventshop.platform.secrets;
