package dev.eventshop.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.item.api.ReserveStock;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReservationRejected;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many buyers, little stock: the invariants of docs/design.md hold under contention. */
class ConcurrentOrdersIntegrationTest extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    private static final int ORDERS = 200;
    private static final int STOCK = 20;
    private static final int USERS = 50;
    private static final long PRICE = 300;
    /** Enough for every order a user places, so that only stock decides. */
    private static final long TOP_UP = (ORDERS / USERS) * PRICE;

    @Test
    void twoHundredConcurrentOrdersFromFiftyUsersForTwentyUnitsConfirmExactlyTwentyAndConserveMoney() throws Exception {
        String itemId = shop.addItem("Scarce", PRICE, STOCK);
        List<String> users = IntStream.range(0, USERS).mapToObj(i -> shop.registerUser("buyer" + i)).toList();
        users.forEach(user -> shop.topUp(user, TOP_UP));

        List<String> orderIds = placeConcurrently(IntStream.range(0, ORDERS)
                .mapToObj(i -> (Callable<String>) () -> shop.placeOrder(users.get(i % USERS), Map.of(itemId, 1)))
                .toList());
        List<JsonNode> outcomes = orderIds.stream().map(shop::awaitTerminal).toList();
        assertThat(orderIds).doesNotHaveDuplicates().hasSize(ORDERS);

        assertThat(outcomes).filteredOn(o -> o.get("status").asText().equals("CONFIRMED")).hasSize(STOCK);
        assertThat(outcomes).filteredOn(o -> o.get("status").asText().equals("REJECTED"))
                .hasSize(ORDERS - STOCK)
                .allMatch(o -> o.get("reason").asText().equals("OUT_OF_STOCK"));
        long netReserved = store.sum(itemId, StockReserved.class, "quantity")
                - store.sum(itemId, StockReleased.class, "quantity");
        assertThat(netReserved).isEqualTo(STOCK);
        assertThat(store.count(itemId, StockReserved.class)).isEqualTo(STOCK);
        long lastVersion = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, itemId);
        assertThat(shop.awaitVersion("/api/items/" + itemId, lastVersion).get("stock").asInt()).isZero();

        long spent = 0;
        for (String user : users) {
            long topUps = store.sum(user, BalanceToppedUp.class, "amount");
            long debits = store.sum(user, BalanceDebited.class, "amount");
            long refunds = store.sum(user, BalanceRefunded.class, "amount");
            long version = jdbc.queryForObject(
                    "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                    Long.class, user);
            long balance = shop.awaitVersion("/api/users/" + user, version).get("balance").asLong();
            assertThat(balance).isEqualTo(topUps - debits + refunds).isNotNegative();
            spent += debits - refunds;
        }
        assertThat(spent).isEqualTo(STOCK * PRICE);
    }

    @Test
    void aHundredParallelTopUpsOnOneUserGiveTheExactBalance() throws Exception {
        String user = shop.registerUser("topped-up-in-parallel");

        List<String> answers = placeConcurrently(IntStream.range(0, 100)
                .mapToObj(i -> (Callable<String>) () -> String.valueOf(shop.topUp(user, i + 1)))
                .toList());

        long expected = 100 * 101 / 2;
        assertThat(answers).hasSize(100).contains(String.valueOf(expected)); // the last one saw every other
        assertThat(store.sum(user, BalanceToppedUp.class, "amount")).isEqualTo(expected);
        assertThat(shop.awaitVersion("/api/users/" + user, 100).get("balance").asLong()).isEqualTo(expected);
    }

    /**
     * Orders reserve through one saga processor, one after another. Here reservations race on the Item
     * aggregate itself, from many threads: its lock and the store's unique (aggregate, sequence) key decide.
     */
    @Test
    void concurrentReservationsOnOneItemNeverOversell() throws Exception {
        String itemId = shop.addItem("Contended", PRICE, STOCK);

        List<Callable<String>> reservations = IntStream.range(0, ORDERS)
                .mapToObj(i -> (Callable<String>) () -> {
                    commands.sendAndWait(new ReserveStock(itemId, UUID.randomUUID().toString(), 1));
                    return itemId;
                })
                .toList();
        placeConcurrently(reservations);

        assertThat(store.count(itemId, StockReserved.class)).isEqualTo(STOCK);
        assertThat(store.count(itemId, StockReservationRejected.class)).isEqualTo(ORDERS - STOCK);
    }

    private static List<String> placeConcurrently(List<Callable<String>> orders) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> placed = clients.invokeAll(orders);
            List<String> ids = new ArrayList<>();
            for (Future<String> order : placed) {
                ids.add(order.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }
}
