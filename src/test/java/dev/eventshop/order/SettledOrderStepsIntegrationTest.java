package dev.eventshop.order;

import dev.eventshop.item.api.ReleaseStock;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.DebitBalance;
import dev.eventshop.user.api.RefundBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users and items forget an order once it is settled, and a step of a settled order repeated long after (here:
 * after both were snapshotted and evicted from their caches) still has no effect: nothing is appended, no
 * balance or stock moves.
 */
class SettledOrderStepsIntegrationTest extends IntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    @Qualifier("userCache")
    private Cache userCache;
    @Autowired
    @Qualifier("itemCache")
    private Cache itemCache;

    @Test
    void aConfirmedOrdersRepeatedStepsHaveNoEffectAfterASnapshot() {
        repeatEveryStepOfASettledOrder("settled-steps", 1_000, "CONFIRMED");
    }

    @Test
    void aRejectedOrdersRepeatedStepsHaveNoEffectAfterASnapshot() {
        // reserved, then the debit of 300 is refused and the stock released
        repeatEveryStepOfASettledOrder("rejected-steps", 100, "REJECTED");
    }

    @Test
    void aSnapshotHoldsNoTraceOfSettledOrders() {
        String user = shop.registerUser("no-trace");
        shop.topUp(user, 1_000);
        String item = shop.addItem("No trace item", 1, 100);
        for (int i = 0; i < 6; i++) {
            shop.awaitTerminal(shop.placeOrder(user, Map.of(item, 1)));
        }
        shop.topUp(user, 1); // the tests snapshot every 5 events

        assertThat(latestSnapshot(user)).doesNotContain("order").contains("\"balance\":");
        assertThat(latestSnapshot(item)).doesNotContain("order").contains("\"stock\":");
    }

    private void repeatEveryStepOfASettledOrder(String name, long balance, String outcome) {
        String user = shop.registerUser(name);
        shop.topUp(user, balance);
        String item = shop.addItem(name + " item", 100, 10);
        String order = shop.placeOrder(user, Map.of(item, 3));
        assertThat(shop.awaitTerminal(order).get("status").asText()).isEqualTo(outcome);

        repeatEveryStepAfterSnapshots(user, item, order, 300, 3);
    }

    private void repeatEveryStepAfterSnapshots(String user, String item, String order, long total, int quantity) {
        long balance = 0;
        long stock = 0;
        for (int i = 0; i < 5; i++) { // the tests snapshot every 5 events: both now have a snapshot after the order
            balance = shop.topUp(user, 1);
            stock = restockOne(item);
        }
        assertThat(latestSnapshot(user)).doesNotContain(order);
        assertThat(latestSnapshot(item)).doesNotContain(order);
        userCache.removeAll();
        itemCache.removeAll();
        long events = store.countEvents();

        commands.sendAndWait(new ReserveStock(item, order, quantity));
        commands.sendAndWait(new ReleaseStock(item, order, quantity));
        commands.sendAndWait(new DebitBalance(user, order, total));
        commands.sendAndWait(new RefundBalance(user, order, total));

        assertThat(store.countEvents()).as("nothing appended").isEqualTo(events);
        assertThat(shop.topUp(user, 1)).as("the balance did not move").isEqualTo(balance + 1);
        assertThat(restockOne(item)).as("the stock did not move").isEqualTo(stock + 1);
    }

    private long restockOne(String item) {
        return shop.post("/api/items/" + item + "/restock", Map.of("quantity", 1)).getBody().get("stock").asLong();
    }

    private String latestSnapshot(String aggregateId) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1", String.class, aggregateId);
    }
}
