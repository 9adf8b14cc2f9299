package dev.eventshop.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout            how long an order may stay PENDING before the saga rejects it with reason TIMEOUT
 * @param updatesMaxDuration the longest a live-updates stream stays open (it normally ends with the order)
 */
@ConfigurationProperties("eventshop.order")
record OrderProperties(@DefaultValue("30s") Duration timeout, @DefaultValue("5m") Duration updatesMaxDuration) {
}
