package dev.eventshop.platform.feed;

import org.springframework.stereotype.Component;

/** What the operator's API and the dashboard show of the feed on this node. */
@Component
public class FeedOperations {

    private final Feed feed;
    private final FeedStreams streams;

    FeedOperations(Feed feed, FeedStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    public FeedStatus status() {
        return new FeedStatus(feed.head(), feed.horizon(), streams.streams());
    }
}
