package dev.eventshop.platform.feed;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The feed as an operator sees it on one node.
 *
 * @param head    the highest position stored
 * @param horizon the highest position the feed serves now (below it, nothing can still commit)
 * @param streams the live streams open on this node
 */
public record FeedStatus(long head, long horizon, List<Stream> streams) {

    /**
     * A live stream and how far its consumer has read.
     *
     * @param position the position of the last event sent to it
     */
    public record Stream(@Schema(example = "warehouse") String consumer, Instant openedAt, long position) {
    }
}
