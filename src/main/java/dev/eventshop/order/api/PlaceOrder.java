package dev.eventshop.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Asks for stock to be bought with a user's balance; the order saga carries it out. */
public record PlaceOrder(@TargetAggregateIdentifier String orderId, String userId, List<OrderLine> lines) {
}
