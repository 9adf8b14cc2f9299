package dev.eventshop.user;

import dev.eventshop.platform.feed.IntegrationEventType;
import dev.eventshop.platform.feed.IntegrationEvents;
import dev.eventshop.user.api.UserErased;
import dev.eventshop.user.api.UserRegistered;
import dev.eventshop.user.api.feed.CustomerErasedV1;
import dev.eventshop.user.api.feed.CustomerRegisteredV1;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the feed tells other services of customers: that an account exists, and that it was erased. Nothing
 * personal, and no balances: those are the customer's own business.
 */
@Component
class UserFeed implements IntegrationEvents {

    @Override
    public List<IntegrationEventType<?>> types() {
        return List.of(
                new IntegrationEventType<>(UserRegistered.class, "customer.registered", 1,
                        CustomerRegisteredV1.class, registered -> new CustomerRegisteredV1(registered.userId())),
                new IntegrationEventType<>(UserErased.class, "customer.erased", 1, CustomerErasedV1.class,
                        erased -> new CustomerErasedV1(erased.userId())));
    }
}
