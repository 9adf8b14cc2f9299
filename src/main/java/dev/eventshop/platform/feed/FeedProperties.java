package dev.eventshop.platform.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * @param source the CloudEvents {@code source} of every feed event: a URI naming this shop
 */
@ConfigurationProperties("eventshop.feed")
record FeedProperties(@DefaultValue("/eventshop") URI source) {
}
