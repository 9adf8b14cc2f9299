package dev.eventshop.item;

import dev.eventshop.platform.web.Cursor;
import dev.eventshop.platform.web.Ids;
import dev.eventshop.platform.web.Limits;
import dev.eventshop.platform.web.NotFoundException;
import dev.eventshop.platform.web.Pages;
import dev.eventshop.item.api.AddItem;
import dev.eventshop.item.api.ChangePrice;
import dev.eventshop.item.api.FindItem;
import dev.eventshop.item.api.FindItems;
import dev.eventshop.item.api.ItemAdded;
import dev.eventshop.item.api.ItemChange;
import dev.eventshop.item.api.ItemView;
import dev.eventshop.item.api.RestockItem;
import dev.eventshop.platform.commands.IdempotentCreation;
import dev.eventshop.platform.views.VersionedViews;
import dev.eventshop.platform.history.AuditEntry;
import dev.eventshop.platform.history.AuditTrail;
import dev.eventshop.platform.history.TimeTravel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The warehouse: catalogue reads for anyone, stock and price changes for the admin. */
@Tag(name = "Items", description = "The warehouse catalogue")
@RestController
@RequestMapping("/api/items")
class ItemController {

    private static final String CATALOGUE = "items";
    /** An item gets new versions only from commands. */
    private static final VersionedViews.Aggregate ITEM = new VersionedViews.Aggregate("Item", 0);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final VersionedViews views;
    private final TimeTravel timeTravel;
    private final AuditTrail auditTrail;
    private final IdempotentCreation creation;

    ItemController(CommandGateway commands, QueryGateway queries, VersionedViews views, TimeTravel timeTravel,
                   AuditTrail auditTrail, IdempotentCreation creation) {
        this.commands = commands;
        this.queries = queries;
        this.views = views;
        this.timeTravel = timeTravel;
        this.auditTrail = auditTrail;
        this.creation = creation;
    }

    record NewItemRequest(
            @Schema(description = "optional: bring your own id to make a retry safe")
            @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String itemId,
            @Schema(example = "Fountain pen")
            @Pattern(regexp = Limits.PRINTABLE, message = Limits.PRINTABLE_MESSAGE)
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH)
            String name,
            @Schema(description = "cents", example = "1500") @NotNull @Positive @Max(Limits.MAX_AMOUNT)
            Long price,
            @Schema(example = "20") @NotNull @PositiveOrZero @Max(Limits.MAX_QUANTITY)
            Integer stock) {
    }

    record RestockRequest(@Schema(example = "10") @NotNull @Positive @Max(Limits.MAX_QUANTITY) Integer quantity) {
    }

    record PriceRequest(
            @Schema(description = "cents", example = "1750") @NotNull @Positive @Max(Limits.MAX_AMOUNT)
            Long price) {
    }

    @ApiResponse(responseCode = "201", description = "Added; Location names the new item",
            headers = @Header(name = "Location", description = "/api/items/{itemId}",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The itemId is a different item's (already-exists)")
    @Operation(operationId = "addItem", summary = "Add an item (admin)",
            description = "Puts a new line in the warehouse with its unit price in cents and its initial stock.")
    @PostMapping
    ResponseEntity<ItemChange> add(@Valid @RequestBody NewItemRequest request) {
        String itemId = Ids.orNew(request.itemId());
        String name = request.name().trim();
        creation.create(new AddItem(itemId, name, request.price(), request.stock()), itemId,
                new ItemAdded(itemId, name, request.price(), request.stock()));
        return ResponseEntity.created(URI.create("/api/items/" + itemId))
                .body(new ItemChange(itemId, request.price(), request.stock(), 0));
    }

    @Operation(operationId = "listItems", summary = "The catalogue",
            description = "The items by name, a page at a time. Open to anyone.")
    @SecurityRequirements // open to anyone
    @GetMapping
    ResponseEntity<List<ItemView>> list(
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        Cursor cursor = Cursor.read(CATALOGUE, after, 2);
        List<ItemView> items = queries.query(cursor == null ? new FindItems(null, null, Pages.fetchSize(limit))
                        : new FindItems(cursor.text(0), cursor.text(1), Pages.fetchSize(limit)),
                ResponseTypes.multipleInstancesOf(ItemView.class)).join();
        return Pages.answer(items, limit, item -> Cursor.of(CATALOGUE, item.name(), item.itemId()));
    }

    @Operation(operationId = "getItem", summary = "An item",
            description = "Price and stock. minVersion and asOf work as for accounts. Open to anyone.")
    @SecurityRequirements // open to anyone
    @GetMapping("/{itemId}")
    CompletableFuture<ItemView> get(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String itemId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion,
            @RequestParam(required = false) Instant asOf) {
        String id = Ids.canonical(itemId);
        CompletableFuture<Optional<ItemView>> view = asOf != null
                ? CompletableFuture.completedFuture(timeTravel.stateAt(Item.class, id, asOf)
                        .map(past -> past.aggregate().toView(past.version())))
                : views.read(ITEM, id, new FindItem(id), ItemView.class, ItemView::version, minVersion);
        return view.thenApply(found -> found.orElseThrow(() -> new NotFoundException("item", itemId)));
    }

    @Operation(operationId = "getItemEvents", summary = "An item's audit trail",
            description = "The item's events in order, a page at a time (admin: they name who bought what).")
    @GetMapping("/{itemId}/events")
    ResponseEntity<List<AuditEntry>> events(
            @PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String itemId,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        return auditTrail.page("Item", Ids.canonical(itemId), limit, after)
                .orElseThrow(() -> new NotFoundException("item", itemId));
    }

    @ApiResponse(responseCode = "200", description = "Restocked: the item's stock and version")
    @ApiResponse(responseCode = "409", description = "The stock would exceed its maximum (stock-overflow), or the "
            + "item was changed at the same time (concurrent-modification)")
    @Operation(operationId = "restockItem", summary = "Restock an item (admin)",
            description = "Adds a quantity to the stock.")
    @PostMapping("/{itemId}/restock")
    ItemChange restock(@PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String itemId,
                       @Valid @RequestBody RestockRequest request) {
        return commands.sendAndWait(new RestockItem(Ids.canonical(itemId), request.quantity()));
    }

    @ApiResponse(responseCode = "200", description = "Changed: the item's price and version")
    @ApiResponse(responseCode = "409",
            description = "The item was changed at the same time (concurrent-modification)")
    @Operation(operationId = "changePrice", summary = "Change an item's price (admin)",
            description = "The new unit price applies to reservations from now on; "
                    + "orders already reserved keep theirs.")
    @PutMapping("/{itemId}/price")
    ItemChange changePrice(@PathVariable @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String itemId,
                           @Valid @RequestBody PriceRequest request) {
        return commands.sendAndWait(new ChangePrice(Ids.canonical(itemId), request.price()));
    }
}
