package dev.eventshop.item;

import dev.eventshop.item.api.AddItem;
import dev.eventshop.item.api.ChangePrice;
import dev.eventshop.item.api.FindItem;
import dev.eventshop.item.api.FindItems;
import dev.eventshop.item.api.ItemChange;
import dev.eventshop.item.api.ItemView;
import dev.eventshop.item.api.RestockItem;
import dev.eventshop.common.Ids;
import dev.eventshop.common.NotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The warehouse: catalogue reads for anyone, stock and price changes for the admin. */
@RestController
@RequestMapping("/api/items")
class ItemController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    ItemController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewItemRequest(@Pattern(regexp = Ids.UUID_PATTERN) String itemId,
                          @NotBlank @Size(max = 200) String name,
                          @NotNull @Positive Long price,
                          @NotNull @PositiveOrZero @Max(Integer.MAX_VALUE) Long stock) {
    }

    record RestockRequest(@NotNull @Positive @Max(Integer.MAX_VALUE) Long quantity) {
    }

    record PriceRequest(@NotNull @Positive Long price) {
    }

    @ApiResponse(responseCode = "201", description = "Added; Location names the new item")
    @PostMapping
    ResponseEntity<ItemChange> add(@Valid @RequestBody NewItemRequest request) {
        String itemId = Ids.orNew(request.itemId());
        commands.sendAndWait(new AddItem(itemId, request.name().trim(), request.price(),
                request.stock().intValue()));
        return ResponseEntity.created(URI.create("/api/items/" + itemId))
                .body(new ItemChange(itemId, request.price(), request.stock().intValue(), 0));
    }

    @GetMapping
    List<ItemView> list() {
        return queries.query(new FindItems(), ResponseTypes.multipleInstancesOf(ItemView.class)).join();
    }

    @GetMapping("/{itemId}")
    ItemView get(@PathVariable String itemId) {
        return queries.query(new FindItem(itemId), ResponseTypes.optionalInstanceOf(ItemView.class)).join()
                .orElseThrow(() -> new NotFoundException("item", itemId));
    }

    @PostMapping("/{itemId}/restock")
    ItemChange restock(@PathVariable String itemId, @Valid @RequestBody RestockRequest request) {
        return commands.sendAndWait(new RestockItem(itemId, request.quantity().intValue()));
    }

    @PutMapping("/{itemId}/price")
    ItemChange changePrice(@PathVariable String itemId, @Valid @RequestBody PriceRequest request) {
        return commands.sendAndWait(new ChangePrice(itemId, request.price()));
    }
}
