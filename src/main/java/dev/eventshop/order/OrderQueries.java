package dev.eventshop.order;

import dev.eventshop.order.api.FindOrder;
import dev.eventshop.order.api.FindOrdersOfUser;
import dev.eventshop.order.api.OrderView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
        List<String> page = query.beforeOrderId() == null ? orders.findNewestIdsServing(query.userId(), query.limit())
                : orders.findIdsServingBefore(query.userId(), query.beforePlacedAt(), query.beforeOrderId(),
                        query.limit());
        Map<String, OrderView> views = orders.findServingWithLines(page).stream().map(OrderEntry::toView)
                .collect(Collectors.toMap(OrderView::orderId, view -> view));
        // the page's order; an order the view dropped between both statements (a generation switch) is left out
        return page.stream().map(views::get).filter(Objects::nonNull).toList();
    }
}
