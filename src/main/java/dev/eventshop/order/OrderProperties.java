package dev.eventshop.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout how long an order may stay PENDING before the saga rejects it with reason TIMEOUT
 */
@ConfigurationProperties("eventshop.order")
record OrderProperties(@DefaultValue("30s") Duration timeout) {
}
