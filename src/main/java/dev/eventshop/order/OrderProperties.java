package dev.eventshop.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout                    how long an order may stay PENDING before it times out and its saga rejects
 *                                   it with reason TIMEOUT
 * @param updatesMaxDuration         the longest a live-updates stream stays open (it normally ends with the order)
 * @param updatesHeartbeat           how often an idle live-updates stream gets a comment
 * @param updatesMaxOpen             how many live-updates streams may be open at once on a node
 * @param updatesMaxOpenPerCustomer  how many of them one customer may have open at once (the admin has no cap of
 *                                   its own)
 */
@ConfigurationProperties("eventshop.order")
record OrderProperties(@DefaultValue("30s") Duration timeout, @DefaultValue("5m") Duration updatesMaxDuration,
                       @DefaultValue("15s") Duration updatesHeartbeat, @DefaultValue("1000") int updatesMaxOpen,
                       @DefaultValue("8") int updatesMaxOpenPerCustomer) {
}
