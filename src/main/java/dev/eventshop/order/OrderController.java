package dev.eventshop.order;

import dev.eventshop.platform.web.Cursor;
import dev.eventshop.platform.web.Ids;
import dev.eventshop.platform.web.InvalidInputException;
import dev.eventshop.platform.web.Limits;
import dev.eventshop.platform.web.NeverNotFound;
import dev.eventshop.platform.web.NotFoundException;
import dev.eventshop.platform.web.OpenRequests;
import dev.eventshop.platform.web.Pages;
import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderStatus;
import dev.eventshop.order.api.OrderView;
import dev.eventshop.order.api.PlaceOrder;
import dev.eventshop.platform.commands.IdempotentCreation;
import dev.eventshop.platform.views.VersionedViews;
import dev.eventshop.platform.history.AuditEntry;
import dev.eventshop.platform.history.AuditTrail;
import dev.eventshop.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Orders: placing answers 202 at once, the saga decides; the view shows where the order stands. */
@Tag(name = "Orders", description = "Placing and following orders")
@RestController
class OrderController {

    /** The names of this controller's cursors: a story pages by position in the store, orders by placement. */
    private static final String STORY = "story";
    private static final String ORDERS = "orders";
    /** A pending order has two versions still to come without a client's command: its timeout, its outcome. */
    private static final VersionedViews.Aggregate ORDER = new VersionedViews.Aggregate("Order", 2);

    private final QueryGateway queries;
    private final VersionedViews views;
    private final EventStore events;
    private final IdempotentCreation creation;
    private final OrderProperties properties;
    private final AuditTrail auditTrail;
    private final OrderStories story;
    private final Access access;
    private final OpenRequests updateStreams;

    OrderController(QueryGateway queries, VersionedViews views, EventStore events, IdempotentCreation creation,
                    OrderProperties properties, AuditTrail auditTrail, OrderStories story, Access access) {
        this.queries = queries;
        this.views = views;
        this.events = events;
        this.creation = creation;
        this.properties = properties;
        this.auditTrail = auditTrail;
        this.story = story;
        this.access = access;
        this.updateStreams = new OpenRequests("live order streams", properties.updatesMaxOpen(),
                properties.updatesMaxOpenPerCustomer());
    }

    record OrderRequest(
            @Schema(description = "optional: bring your own id to make a retry safe")
            @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String orderId,
            @NotNull @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String userId,
            @NotEmpty @Size(max = Limits.MAX_ORDER_LINES)
            List<@Valid @NotNull LineRequest> lines) {
    }

    record LineRequest(
            @Schema(example = "5b0e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b")
            @NotNull @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String itemId,
            @Schema(example = "2") @NotNull @Positive @Max(Limits.MAX_QUANTITY)
            Integer quantity) {
    }

    record Placed(String orderId, OrderStatus status, long version) {
    }

    @ApiResponse(responseCode = "202",
            description = "Placed and PENDING; Location names the order, whose status the saga decides",
            headers = @Header(name = "Location", description = "/api/orders/{orderId}",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The orderId is a different order's (already-exists)")
    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Answers 202 at once: the order saga reserves every line at the current price, "
                    + "debits the total and confirms, or compensates and rejects with a reason. "
                    + "Follow it with GET /api/orders/{orderId}, its ?minVersion=1, or the updates stream.")
    @PostMapping("/api/orders")
    ResponseEntity<Placed> place(@Valid @RequestBody OrderRequest request) {
        String orderId = Ids.orNew(request.orderId());
        String userId = Ids.canonical(request.userId());
        access.requireSelfOrAdmin(userId);
        List<OrderLine> lines = linesOf(request);
        creation.create(new PlaceOrder(orderId, userId, lines), orderId, new OrderPlaced(orderId, userId, lines));
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + orderId))
                .body(new Placed(orderId, OrderStatus.PENDING, 0));
    }

    @Operation(operationId = "getOrder", summary = "An order",
            description = "Lines, total, status and the reason of a rejection. minVersion=1 waits for the outcome.")
    @GetMapping("/api/orders/{orderId}")
    CompletableFuture<OrderView> get(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String orderId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        String id = requireOwnerOrAdmin(orderId);
        return views.read(ORDER, id, new FindOrder(id), OrderView.class, OrderView::version, minVersion)
                .thenApply(found -> found.orElseThrow(() -> new NotFoundException("order", orderId)));
    }

    /** The order's story: every event about it, its own and those of the items and the user it touched. */
    @Operation(operationId = "getOrderEvents", summary = "An order's story",
            description = "The events about the order across aggregates, in the order of the store, a page at a "
                    + "time: its own, its items' reservations and releases, and its user's debit and refund.")
    @GetMapping("/api/orders/{orderId}/events")
    ResponseEntity<List<AuditEntry>> events(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String orderId,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        String id = requireOwnerOrAdmin(orderId);
        Cursor cursor = Cursor.read(STORY, after, 1);
        long afterPosition = cursor == null ? -1 : cursor.number(0);
        List<AuditEntry> events = story.of(id, afterPosition, Pages.fetchSize(limit));
        if (events.isEmpty() && cursor == null) {
            // the story is a projection and may lag behind a just placed order: its own events are there at once
            events = auditTrail.of("Order", id, -1, Pages.fetchSize(limit));
        }
        return Pages.answer(events, limit, event -> Cursor.of(STORY, event.position()));
    }

    /**
     * The order as it is now, then each change of its status, as server-sent events named {@code order};
     * the stream ends once the order is CONFIRMED or REJECTED. Fed by an Axon subscription query, so a
     * change arrives as soon as the orders view has it.
     */
    @Operation(operationId = "streamOrderUpdates", summary = "Live order updates",
            description = "Server-sent events named \"order\": the order now, then each status change; "
                    + "the stream ends with CONFIRMED or REJECTED. Comments keep an idle stream open. "
                    + "A customer may have a few streams open at once (429 past it).")
    @ApiResponse(responseCode = "200", description = "A stream of events named order, each an OrderView",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    // the body is the stream's text; the data of each of its events, an OrderView
                    schema = @Schema(type = "string", description = "event:order, id:<status>, data:<OrderView>"),
                    extensions = @Extension(name = "x-event-data", properties = @ExtensionProperty(name = "$ref",
                            value = "#/components/schemas/OrderView"))))
    @GetMapping(path = "/api/orders/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<OrderView>> updates(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String orderId) {
        String id = requireOwnerOrAdmin(orderId);
        OpenRequests.Permit permit = updateStreams.open(access.client(), access.isAdmin());
        SubscriptionQueryResult<Optional<OrderView>, OrderView> result;
        try {
            result = queries.subscriptionQuery(new FindOrder(id), ResponseTypes.optionalInstanceOf(OrderView.class),
                    ResponseTypes.instanceOf(OrderView.class));
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        // never back to an older state: a node that has just switched the orders view to a new generation may
        // tell a state again, and the generation it left may still tell one that the new one has passed
        AtomicLong newest = new AtomicLong(-1);
        Flux<ServerSentEvent<OrderView>> changes = Flux.concat(
                        result.initialResult().flatMap(Mono::justOrEmpty), result.updates())
                .filter(order -> order.version() >= newest.getAndAccumulate(order.version(), Math::max))
                .distinctUntilChanged(OrderView::status)
                .map(order -> ServerSentEvent.builder(order).event("order").id(order.status().name()).build());
        // a comment now and then keeps an idle stream open through proxies, and finds a client that went away (its
        // write fails), whose stream then ends and no longer counts against the caps
        Flux<ServerSentEvent<OrderView>> heartbeats = Flux.interval(properties.updatesHeartbeat())
                .map(beat -> ServerSentEvent.<OrderView>builder().comment("heartbeat").build());
        return Flux.merge(changes, heartbeats)
                .takeUntil(event -> event.data() != null && event.data().status().isTerminal())
                .take(properties.updatesMaxDuration())
                .doFinally(signal -> {
                    result.close();
                    permit.close();
                });
    }

    @Operation(operationId = "listUserOrders", summary = "A customer's orders",
            description = "Newest first, a page at a time.")
    @NeverNotFound // an id without orders has none
    @GetMapping("/api/users/{userId}/orders")
    ResponseEntity<List<OrderView>> ofUser(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String userId,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        String id = Ids.canonical(userId);
        access.requireSelfOrAdmin(id);
        Cursor cursor = Cursor.read(ORDERS, after, 2);
        FindOrdersOfUser query = cursor == null ? new FindOrdersOfUser(id, null, null, Pages.fetchSize(limit))
                : new FindOrdersOfUser(id, cursor.instant(0), cursor.text(1), Pages.fetchSize(limit));
        List<OrderView> orders = queries.query(query, ResponseTypes.multipleInstancesOf(OrderView.class)).join();
        return Pages.answer(orders, limit, order -> Cursor.of(ORDERS, order.placedAt(), order.orderId()));
    }

    /**
     * Lets only the order's customer (or the admin) see it. The owner is read from the order's first event,
     * which exists as soon as placing it was answered, whatever the views have caught up with.
     */
    private String requireOwnerOrAdmin(String orderId) {
        String id = Ids.canonical(orderId);
        DomainEventStream stream = events.readEvents(id, 0);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof OrderPlaced placed)) {
            throw new NotFoundException("order", orderId);
        }
        access.requireSelfOrAdmin(placed.userId());
        return id;
    }

    /** One line per item: a second line for the same item is a mistake, not a bigger quantity. */
    private static List<OrderLine> linesOf(OrderRequest request) {
        Set<String> items = new HashSet<>();
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(Ids.canonical(line.itemId()), line.quantity()))
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!items.add(lines.get(i).itemId())) {
                throw new InvalidInputException("lines[" + i + "].itemId", "appears on an earlier line");
            }
        }
        return lines;
    }
}
