package dev.eventshop.item;

import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ItemIntegrationTest extends IntegrationTest {

    @Test
    void addsRestocksAndRepricesAnItem() {
        String itemId = shop.addItem("Lamp", 2_500, 3);

        var restocked = shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 4));
        var repriced = shop.put("/api/items/" + itemId + "/price", Map.of("price", 2_200));

        assertThat(restocked.getBody().get("stock").asInt()).isEqualTo(7);
        assertThat(repriced.getBody().get("version").asLong()).isEqualTo(2);
        var view = shop.awaitVersion("/api/items/" + itemId, 2);
        assertThat(view.get("stock").asInt()).isEqualTo(7);
        assertThat(view.get("price").asLong()).isEqualTo(2_200);
        assertThat(shop.allPages("/api/items?limit=500", () -> { }).stream()
                .map(listed -> listed.get("itemId").asText())).contains(itemId);
    }

    @Test
    void aSecondCreateWithTheSameIdIsAConflictAndStoresNothing() {
        String itemId = UUID.randomUUID().toString();
        Map<String, Object> item = Map.of("itemId", itemId, "name", "Lamp", "price", 100, "stock", 1);
        assertThat(shop.post("/api/items", item).getStatusCode().value()).isEqualTo(201);
        long before = store.countEvents();

        var again = shop.post("/api/items", Map.of("itemId", itemId, "name", "Other", "price", 5, "stock", 9));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(store.countEvents()).isEqualTo(before);
    }

    @Test
    void invalidItemsAreRefusedWithNothingStored() {
        String itemId = shop.addItem("Lamp", 100, 1);
        long before = store.countEvents();

        assertThat(shop.post("/api/items", Map.of("name", "Free", "price", 0, "stock", 1)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(shop.post("/api/items", Map.of("name", "Lamp", "price", 10, "stock", -1)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 0)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(shop.put("/api/items/" + itemId + "/price", Map.of("price", -1)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(store.countEvents()).isEqualTo(before);
    }

    @Test
    void unknownItemsAreNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertThat(shop.get("/api/items/" + unknown).getStatusCode().value()).isEqualTo(404);
        assertThat(shop.post("/api/items/" + unknown + "/restock", Map.of("quantity", 1)).getStatusCode().value())
                .isEqualTo(404);
    }
}
