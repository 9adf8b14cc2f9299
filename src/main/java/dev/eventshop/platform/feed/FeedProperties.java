package dev.eventshop.platform.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * @param source                     the CloudEvents {@code source} of every feed event: a URI naming this shop
 * @param streamsMaxOpen             live streams open at once on this node
 * @param streamsMaxOpenPerConsumer  live streams one consumer account may have open at once (the admin: no cap)
 * @param streamPollInterval         how often a node looks how far the feed's horizon has moved while streams are
 *                                   open: a live event reaches its streams within about two of these
 * @param streamBatch                the most events a stream reads at a time: what a slow reader can hold in memory
 * @param streamHeartbeat            how often an idle stream gets a comment (keeps it open through proxies)
 * @param pagePatience               how long a page read waits for what was committed before it to become final
 *                                   (milliseconds, unless a long transaction runs)
 */
@ConfigurationProperties("eventshop.feed")
record FeedProperties(@DefaultValue("/eventshop") URI source,
                      @DefaultValue("100") int streamsMaxOpen,
                      @DefaultValue("4") int streamsMaxOpenPerConsumer,
                      @DefaultValue("50ms") Duration streamPollInterval,
                      @DefaultValue("500") int streamBatch,
                      @DefaultValue("15s") Duration streamHeartbeat,
                      @DefaultValue("250ms") Duration pagePatience) {
}
