package dev.eventshop.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A dead-lettered event: which sequence it holds up, what it is, and why it failed. */
record DeadLetterView(String processingGroup, String sequence, long index, String eventType,
                      @Schema(nullable = true) String aggregateId, @Schema(nullable = true) String causeType,
                      @Schema(nullable = true) String causeMessage, Instant enqueuedAt,
                      @Schema(nullable = true) Instant lastTouched) {
}
