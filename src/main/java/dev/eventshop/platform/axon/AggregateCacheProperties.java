package dev.eventshop.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxEntries how many aggregates of each kind (users, items, orders) this node keeps loaded between
 *                   commands; 0 loads every aggregate from the store for every command
 */
@ConfigurationProperties("eventshop.aggregate-cache")
record AggregateCacheProperties(@DefaultValue("10000") long maxEntries) {
}
