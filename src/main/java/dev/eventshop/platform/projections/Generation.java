package dev.eventshop.platform.projections;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A generation of a projection: a complete set of its rows, built by the processor of one slot.
 *
 * @param version    the projection's version in the code that builds it
 * @param slot       blue or green
 * @param processor  the event processor that builds and follows it
 * @param startIndex the global index its processor started after (null: the start of the store)
 * @param replayFrom for a replay from an instant, that instant: the generation began as a copy of the serving
 *                   rows, and the events since the instant were handled again onto it
 */
public record Generation(String projection, long generation, int version, String slot, String processor,
                         GenerationState state, @Schema(nullable = true) Long startIndex,
                         @Schema(nullable = true) Instant replayFrom, Instant createdAt,
                         @Schema(nullable = true) Instant liveAt, @Schema(nullable = true) Instant retiredAt) {
}
