/**
 * Sending commands: the request gateway that retries an append lost to another node, the saga's gateway that
 * does not, and idempotent creation with a client-supplied id.
 */
package dev.eventshop.platform.commands;
