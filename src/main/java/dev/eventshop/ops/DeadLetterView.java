package dev.eventshop.ops;

import java.time.Instant;

/** A dead-lettered event: which sequence it holds up, what it is, and why it failed. */
record DeadLetterView(String processingGroup, String sequence, long index, String eventType, String aggregateId,
                      String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
