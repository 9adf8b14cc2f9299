package dev.eventshop.order;

import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderLine;
import dev.eventshop.order.api.OrderStatus;
import dev.eventshop.order.api.OrderView;
import dev.eventshop.order.api.PlaceOrder;
import dev.eventshop.common.Ids;
import dev.eventshop.common.NotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Orders: placing answers 202 at once, the saga decides; the view shows where the order stands. */
@RestController
class OrderController {

    /** An order larger than this is a client mistake, not a purchase. */
    static final int MAX_LINES = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;

    OrderController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record OrderRequest(@Pattern(regexp = Ids.UUID_PATTERN) String orderId,
                        @NotNull @Pattern(regexp = Ids.UUID_PATTERN) String userId,
                        @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull LineRequest> lines) {
    }

    record LineRequest(@NotNull @Pattern(regexp = Ids.UUID_PATTERN) String itemId,
                       @NotNull @Positive @Max(1_000_000) Integer quantity) {
    }

    record Placed(String orderId, OrderStatus status, long version) {
    }

    @ApiResponse(responseCode = "202",
            description = "Placed and PENDING; Location names the order, whose status the saga decides")
    @PostMapping("/api/orders")
    ResponseEntity<Placed> place(@Valid @RequestBody OrderRequest request) {
        String orderId = Ids.orNew(request.orderId());
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(line.itemId().toLowerCase(), line.quantity()))
                .toList();
        commands.sendAndWait(new PlaceOrder(orderId, request.userId().toLowerCase(), lines));
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + orderId))
                .body(new Placed(orderId, OrderStatus.PENDING, 0));
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView get(@PathVariable String orderId) {
        return queries.query(new FindOrder(orderId), ResponseTypes.optionalInstanceOf(OrderView.class)).join()
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    @GetMapping("/api/users/{userId}/orders")
    List<OrderView> ofUser(@PathVariable String userId) {
        return queries.query(new FindOrdersOfUser(userId), ResponseTypes.multipleInstancesOf(OrderView.class)).join();
    }
}
