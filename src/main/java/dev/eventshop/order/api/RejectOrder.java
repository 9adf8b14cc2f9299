package dev.eventshop.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga once everything done for the order has been compensated. */
public record RejectOrder(@TargetAggregateIdentifier String orderId, RejectionReason reason) {
}
