package dev.eventshop.platform.feed;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * How a feed event reads: a CloudEvent 1.0 in its structured JSON form (written by the CloudEvents SDK, not from
 * this record, which only describes it in the API description).
 */
@Schema(name = "FeedEvent", description = "A CloudEvent 1.0, structured JSON form")
record FeedEventDescription(
        @Schema(example = "1.0") String specversion,
        @Schema(description = "the stored event's id: the same on every read") String id,
        @Schema(example = "/eventshop") String source,
        @Schema(description = "dev.eventshop.<name>.v<version>, see /api/feed/types",
                example = "dev.eventshop.order.confirmed.v1") String type,
        OffsetDateTime time,
        @Schema(description = "the aggregate the event is about: an order's, item's or customer's id")
        String subject,
        @Schema(example = "application/json") String datacontenttype,
        @Schema(description = "the event's place in the store, in decimal digits (a string: a CloudEvents integer "
                + "has 32 bits only): strictly increasing along the feed; resume after it", example = "1042")
        String position,
        @Schema(description = "the event's data, as its type's schema says") Object data) {
}
