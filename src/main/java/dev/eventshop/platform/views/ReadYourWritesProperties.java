package dev.eventshop.platform.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxWait    how long a read with {@code ?minVersion=} waits for its view to catch up before 503
 * @param retryAfter what the 503's Retry-After header suggests
 */
@ConfigurationProperties("eventshop.read-your-writes")
record ReadYourWritesProperties(@DefaultValue("2s") Duration maxWait, @DefaultValue("1s") Duration retryAfter) {
}
