package dev.eventshop.order;

import dev.eventshop.order.api.OrderConfirmed;
import dev.eventshop.order.api.OrderPlaced;
import dev.eventshop.order.api.OrderRejected;
import dev.eventshop.order.api.feed.OrderConfirmedV1;
import dev.eventshop.order.api.feed.OrderLineV1;
import dev.eventshop.order.api.feed.OrderPlacedV1;
import dev.eventshop.order.api.feed.OrderRejectedV1;
import dev.eventshop.platform.feed.IntegrationEventType;
import dev.eventshop.platform.feed.IntegrationEvents;
import org.springframework.stereotype.Component;

import java.util.List;

/** What the feed tells other services of orders: placed, then confirmed or rejected. */
@Component
class OrderFeed implements IntegrationEvents {

    @Override
    public List<IntegrationEventType<?>> types() {
        return List.of(
                new IntegrationEventType<>(OrderPlaced.class, "order.placed", 1, OrderPlacedV1.class,
                        placed -> new OrderPlacedV1(placed.orderId(), placed.userId(), placed.lines().stream()
                                .map(line -> new OrderLineV1(line.itemId(), line.quantity())).toList())),
                new IntegrationEventType<>(OrderConfirmed.class, "order.confirmed", 1, OrderConfirmedV1.class,
                        confirmed -> new OrderConfirmedV1(confirmed.orderId(), confirmed.userId(),
                                confirmed.total())),
                new IntegrationEventType<>(OrderRejected.class, "order.rejected", 1, OrderRejectedV1.class,
                        rejected -> new OrderRejectedV1(rejected.orderId(), rejected.userId(),
                                rejected.reason().name())));
    }
}
