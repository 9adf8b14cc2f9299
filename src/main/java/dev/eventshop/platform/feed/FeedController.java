package dev.eventshop.platform.feed;

import dev.eventshop.platform.security.Access;
import dev.eventshop.platform.web.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The event feed over HTTP: catch up from any position, a page at a time, or follow it live. */
@Tag(name = "Feed", description = "Integration events for other services (the admin, or a feed consumer account)")
@RestController
@RequestMapping("/api/feed")
class FeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final Feed feed;
    private final FeedContract contract;
    private final FeedStreams streams;
    private final Access access;

    FeedController(Feed feed, FeedContract contract, FeedStreams streams, Access access) {
        this.feed = feed;
        this.contract = contract;
        this.streams = streams;
        this.access = access;
    }

    @ApiResponse(responseCode = "200", description = "The next events after the position, in order; a full page "
            + "names the next one in a Link header",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\", when the page is full",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = FeedEventDescription.class))))
    @ApiResponse(responseCode = "400", description = "after is negative, not a number, or beyond every stored "
            + "position; limit is not 1 to 1000")
    @Operation(operationId = "readFeed", summary = "Integration events after a position",
            description = "The integration events (see /api/feed/types) after the given position, in the store's "
                    + "global order, as CloudEvents. Gap-safe: an event is served only once no transaction can "
                    + "still commit one at a lower position, so a consumer that stores the last position it read "
                    + "and resumes after it never misses an event and never sees one twice. Start at 0. "
                    + "With Accept: text/event-stream, the same events live, as they commit, for as long as the "
                    + "client stays: id the position, event the type, data the CloudEvent, and a comment now and "
                    + "then; reconnect with Last-Event-ID to resume after the last event received. Streams are "
                    + "capped per node and per consumer (429).")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<CloudEvent>> read(
            @RequestParam(defaultValue = "0") @PositiveOrZero long after,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        requireStored("after", after);
        Feed.Page page = feed.after(after, limit);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.events().size() == limit) {
            Object last = page.events().get(limit - 1).getExtension(Feed.POSITION);
            answer.header(HttpHeaders.LINK, "</api/feed?after=" + last + "&limit=" + limit + ">; rel=\"next\"");
        }
        return answer.body(page.events());
    }

    @ApiResponse(responseCode = "200", description = "Server-sent events, one per integration event: id the "
            + "position, event the type, data the CloudEvent; comments keep an idle stream open",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(type = "string", description = "id:<position>, event:<type>, data:<FeedEvent>"),
                    extensions = @Extension(name = "x-event-data", properties = @ExtensionProperty(name = "$ref",
                            value = "#/components/schemas/FeedEvent"))))
    @ApiResponse(responseCode = "400", description = "after or Last-Event-ID is negative, not a number, or beyond "
            + "every stored position")
    @ApiResponse(responseCode = "429", description = "Too many streams open, on this node or for this consumer")
    @Operation(operationId = "readFeed") // one operation with readFeed's: the same resource, as a stream
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<CloudEvent>> follow(
            @RequestParam(defaultValue = "0") @PositiveOrZero long after,
            @Parameter(description = "the id of the last event received: resumes after it")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long from = after;
        if (lastEventId != null) {
            from = parsePosition(lastEventId);
        }
        requireStored(lastEventId != null ? "Last-Event-ID" : "after", from);
        return streams.follow(from, access.principal(), access.isAdmin()); // signed in: only readers get here
    }

    private void requireStored(String field, long position) {
        if (position > feed.head()) {
            throw new InvalidInputException(field, "is beyond every stored position");
        }
    }

    private static long parsePosition(String lastEventId) {
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as a negative one
        }
        throw new InvalidInputException("Last-Event-ID", "must be a position the feed gave: decimal digits");
    }

    /** One type of the feed's contract. */
    record FeedType(@Schema(example = "dev.eventshop.order.confirmed.v1") String type,
                    @Schema(example = "order.confirmed") String name, int version,
                    @Schema(description = "where the API description (/v3/api-docs) holds the schema of its data",
                            example = "#/components/schemas/dev.eventshop.order.confirmed.v1") String schema) {
    }

    @Operation(operationId = "listFeedTypes", summary = "The feed's event types",
            description = "Every integration event type the feed carries, with its version. The JSON schema of each "
                    + "type's data is in the API description, under the type's name.")
    @GetMapping(path = "/types", produces = "application/json")
    List<FeedType> types() {
        return contract.types().stream().map(type -> new FeedType(type.type(), type.name(), type.version(),
                        "#/components/schemas/" + type.type()))
                .distinct().toList();
    }
}
