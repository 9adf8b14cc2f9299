package dev.eventshop.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An event as stored (before any upcasting), for the event browser. */
record StoredEvent(long globalIndex, String aggregateId, String aggregateType, long sequence, String type,
                   String revision, Instant timestamp, JsonNode payload, String principal) {
}
