package dev.eventshop.user.api;

import dev.eventshop.common.OrderStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the total of an order from a user's balance; once the order is settled it has no effect. */
public record DebitBalance(@TargetAggregateIdentifier String userId, String orderId, long amount)
        implements OrderStep {
}
