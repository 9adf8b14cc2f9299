package dev.eventshop.order;

import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers queries on the orders read model, from the generation that serves this node. */
@Component
class OrderQueries {

    private final OrderEntryRepository orders;

    OrderQueries(OrderEntryRepository orders) {
        this.orders = orders;
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrder query) {
        return orders.findServing(query.orderId()).map(OrderEntry::toView);
    }

    @QueryHandler
    List<OrderView> handle(FindOrdersOfUser query) {
        return orders.findServingByUser(query.userId()).stream().map(OrderEntry::toView).toList();
    }
}
