package dev.eventshop.platform.axon;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A cached aggregate that another node changed meanwhile is noticed, reloaded, and decided on afresh. */
class AggregateCacheIntegrationTest extends IntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void anAppendBehindTheCachesBackIsNotLost() {
        String user = shop.registerUser("cached");
        assertThat(shop.topUp(user, 100)).as("loaded, and now cached").isEqualTo(100);

        // what another node does: an event appended to the store, never seen by this node's cache
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "User", user, 2, new BalanceToppedUp(user, 40, 140))));

        assertThat(shop.topUp(user, 1)).as("decided on the stored balance, not the cached one").isEqualTo(141);
        assertThat(store.count(user, BalanceToppedUp.class)).isEqualTo(3);
        assertThat(store.sum(user, BalanceToppedUp.class, "amount")).isEqualTo(141);
    }
}
