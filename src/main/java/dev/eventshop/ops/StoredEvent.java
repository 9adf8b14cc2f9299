package dev.eventshop.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An event as stored (before any upcasting), for the event browser. */
record StoredEvent(long globalIndex, String aggregateId, String aggregateType, long sequence, String type,
                   @Schema(nullable = true) String revision, Instant timestamp, JsonNode payload,
                   boolean personalDataErased, @Schema(nullable = true) String principal) {
}
