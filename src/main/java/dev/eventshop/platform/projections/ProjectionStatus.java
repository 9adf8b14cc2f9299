package dev.eventshop.platform.projections;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A projection as an operator sees it from this node.
 *
 * @param codeVersion the projection's version in this node's code
 * @param serving     the generation this node's readers read (null: none yet, the first one is being built)
 * @param rebuild     the generation being built, if any, and how far it has got
 * @param generations every generation there is, in order
 */
public record ProjectionStatus(String name, int codeVersion, @Schema(nullable = true) Generation serving,
                               @Schema(nullable = true) Rebuild rebuild, List<Generation> generations) {

    /**
     * How far a rebuild has got. Events are counted as positions in the store (global indexes), which its
     * processor works through whether or not they concern the projection.
     *
     * @param eventsDone      positions worked through since the start
     * @param eventsToGo      positions between the slowest segment and the head of the store
     * @param eventsPerSecond the rate over the last few seconds, as this node measured it (0 until it can tell)
     * @param secondsLeft     at that rate (null while the rate is unknown)
     * @param progress        done / (done + to go), 0 to 1; the switch comes once it is within reach of the head
     */
    public record Rebuild(long generation, int version, String processor, Instant startedAt,
                          @Schema(nullable = true) Instant from, long eventsDone, long eventsToGo,
                          double eventsPerSecond, @Schema(nullable = true) Double secondsLeft, double progress) {
    }
}
