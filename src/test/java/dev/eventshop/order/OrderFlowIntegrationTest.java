package dev.eventshop.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.item.api.StockReleased;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.BalanceDebited;
import dev.eventshop.user.api.BalanceRefunded;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowIntegrationTest extends IntegrationTest {

    @Autowired
    private Configuration axon;

    @Test
    void theSagaProcessorRoutesEachOrdersEventsToOneSegment() {
        assertThat(axon.eventProcessingConfiguration().sagaConfiguration(OrderSaga.class).manager())
                .isInstanceOf(OrderSagaManager.class);
    }

    @Test
    void aCoveredOrderIsConfirmedAtTheReservedPrices() {
        String user = shop.registerUser("ann");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 150, 5);
        String ink = shop.addItem("Ink", 70, 5);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 2, ink, 1)));

        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("total").asLong()).isEqualTo(2 * 150 + 70);
        assertThat(order.get("lines").findValuesAsText("unitPrice")).containsExactly("150", "70");
        assertThat(shop.awaitVersion("/api/users/" + user, 2).get("balance").asLong()).isEqualTo(1_000 - 370);
        assertThat(shop.awaitVersion("/api/items/" + pen, 1).get("stock").asInt()).isEqualTo(3);
        assertThat(shop.awaitVersion("/api/items/" + ink, 1).get("stock").asInt()).isEqualTo(4);
        assertThat(shop.get("/api/users/" + user + "/orders").getBody().findValuesAsText("orderId"))
                .containsExactly(order.get("orderId").asText());
    }

    @Test
    void aPriceChangeAfterReservationDoesNotChangeWhatTheOrderPays() {
        String user = shop.registerUser("bob");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 150, 5);
        JsonNode first = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 1)));

        assertThat(shop.put("/api/items/" + pen + "/price", Map.of("price", 200)).getStatusCode().value())
                .isEqualTo(200);
        JsonNode second = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 1)));

        assertThat(first.get("total").asLong()).isEqualTo(150);
        assertThat(second.get("total").asLong()).isEqualTo(200);
    }

    @Test
    void insufficientFundsRejectsAndReleasesTheStock() {
        String user = shop.registerUser("cid");
        shop.topUp(user, 100);
        String pen = shop.addItem("Pen", 150, 5);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 1)));

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(shop.awaitVersion("/api/items/" + pen, 2).get("stock").asInt()).isEqualTo(5);
        assertThat(shop.get("/api/users/" + user).getBody().get("balance").asLong()).isEqualTo(100);
        assertThat(store.count(pen, StockReserved.class)).isEqualTo(store.count(pen, StockReleased.class)).isOne();
    }

    @Test
    void outOfStockRejectsWithoutTouchingTheBalance() {
        String user = shop.registerUser("dee");
        shop.topUp(user, 10_000);
        String pen = shop.addItem("Pen", 150, 2);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 3)));

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(shop.awaitVersion("/api/items/" + pen, 1).get("stock").asInt()).isEqualTo(2);
        assertThat(store.count(user, BalanceDebited.class)).isZero();
    }

    @Test
    void aMultiLineOrderWhoseLastLineFailsReleasesTheLinesAlreadyReserved() {
        String user = shop.registerUser("eve");
        shop.topUp(user, 10_000);
        String pen = shop.addItem("Pen", 150, 5);
        String ink = shop.addItem("Ink", 70, 5);
        String pad = shop.addItem("Pad", 300, 1);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 2, ink, 3, pad, 2)));

        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(shop.awaitVersion("/api/items/" + pen, 2).get("stock").asInt()).isEqualTo(5);
        assertThat(shop.awaitVersion("/api/items/" + ink, 2).get("stock").asInt()).isEqualTo(5);
        assertThat(shop.awaitVersion("/api/items/" + pad, 1).get("stock").asInt()).isEqualTo(1);
        assertThat(store.count(pen, StockReleased.class)).isOne();
        assertThat(store.count(ink, StockReleased.class)).isOne();
        assertThat(store.count(pad, StockReserved.class)).isZero();
    }

    @Test
    void anUnknownItemRejectsAndReleasesTheLinesBefore() {
        String user = shop.registerUser("fay");
        shop.topUp(user, 10_000);
        String pen = shop.addItem("Pen", 150, 5);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 1, UUID.randomUUID().toString(), 1)));

        assertThat(order.get("reason").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(shop.awaitVersion("/api/items/" + pen, 2).get("stock").asInt()).isEqualTo(5);
    }

    @Test
    void anUnknownUserRejectsAndReleasesEveryLine() {
        String pen = shop.addItem("Pen", 150, 5);

        JsonNode order = shop.awaitTerminal(shop.placeOrder(UUID.randomUUID().toString(), lines(pen, 2)));

        assertThat(order.get("reason").asText()).isEqualTo("UNKNOWN_USER");
        assertThat(shop.awaitVersion("/api/items/" + pen, 2).get("stock").asInt()).isEqualTo(5);
    }

    @Test
    void aConfirmedOrderLeavesExactlyItsTotalDebited() {
        String user = shop.registerUser("gus");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 100, 10);
        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 2)));

        long debits = store.sum(user, BalanceDebited.class, "amount");
        long refunds = store.sum(user, BalanceRefunded.class, "amount");

        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(debits - refunds).isEqualTo(200);
    }

    @Test
    void idsOfTheWrongKindAreUnknownUsersAndItemsNotAStuckSaga() {
        String user = shop.registerUser("hal");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 100, 10);

        JsonNode itemAsUser = shop.awaitTerminal(shop.placeOrder(pen, lines(pen, 1)));
        JsonNode userAsItem = shop.awaitTerminal(shop.placeOrder(user, lines(user, 1)));
        JsonNode afterwards = shop.awaitTerminal(shop.placeOrder(user, lines(pen, 1)));

        assertThat(itemAsUser.get("reason").asText()).isEqualTo("UNKNOWN_USER");
        assertThat(userAsItem.get("reason").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(afterwards.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(shop.post("/api/users/" + pen + "/top-ups", Map.of("amount", 5)).getStatusCode().value())
                .isEqualTo(404);
        assertThat(shop.post("/api/items/" + user + "/restock", Map.of("quantity", 5)).getStatusCode().value())
                .isEqualTo(404);
    }

    private static Map<String, Integer> lines(Object... itemsAndQuantities) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndQuantities.length; i += 2) {
            lines.put((String) itemsAndQuantities[i], (Integer) itemsAndQuantities[i + 1]);
        }
        return lines;
    }
}
