package dev.eventshop.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An event processor as an operator sees it.
 *
 * @param resettable     it can be replayed (a saga processor cannot: sagas react to events once)
 * @param lag            events in the store past the slowest segment's position, over the segments of every node
 * @param replaying      a reset is being worked through; {@code replayProgress} is its share done, 0 to 1
 * @param headOfStore    the global index of the newest stored event
 */
record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean resettable,
                       long headOfStore, long lag,
                       boolean replaying, double replayProgress, List<Segment> segments) {

    /**
     * One segment: which node claims it (null: none), where its token stands, whether it is caught up, how far it
     * is through a replay (0 to 1; 1 when not replaying), and this node's error on it.
     */
    record Segment(int segment, @Schema(nullable = true) String owner, @Schema(nullable = true) Long position,
                   boolean caughtUp, boolean replaying, double replayProgress,
                   @Schema(nullable = true) String error) {
    }
}
