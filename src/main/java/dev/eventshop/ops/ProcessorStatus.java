package dev.eventshop.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An event processor as an operator sees it.
 *
 * @param resettable     it can be replayed (a projection's; a saga processor cannot: sagas react to events once)
 * @param projection     the projection whose slot this processor is, if it is one
 * @param generation     the generation of the projection it builds and follows (null: none, the slot is idle)
 * @param role           for a projection's slot: serving (this node reads its generation), building, live (it
 *                       serves nodes of another version), retired (being dropped) or idle
 * @param lag            events in the store past the slowest segment's position, over the segments of every node
 * @param replaying      a reset is being worked through; {@code replayProgress} is its share done, 0 to 1
 * @param headOfStore    the global index of the newest stored event
 */
record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean resettable,
                       @Schema(nullable = true) String projection, @Schema(nullable = true) Long generation,
                       @Schema(nullable = true) String role, long headOfStore, long lag,
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
