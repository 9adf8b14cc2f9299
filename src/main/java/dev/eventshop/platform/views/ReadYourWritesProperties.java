package dev.eventshop.platform.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxWait       how long a read with {@code ?minVersion=} waits for its view to catch up before 503
 * @param retryAfter    what the 503's Retry-After header suggests
 * @param maxOpen       how many such reads may wait at once on a node (no thread is held while they wait)
 * @param maxOpenPerClient how many of them one account (or, unsigned, one address) may have waiting at once; the
 *                      admin has no cap of its own
 */
@ConfigurationProperties("eventshop.read-your-writes")
record ReadYourWritesProperties(@DefaultValue("2s") Duration maxWait, @DefaultValue("1s") Duration retryAfter,
                                @DefaultValue("1000") int maxOpen, @DefaultValue("16") int maxOpenPerClient) {
}
