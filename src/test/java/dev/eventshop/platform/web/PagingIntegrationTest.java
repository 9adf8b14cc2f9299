package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list pages the same way: ?limit= and an opaque ?after= cursor, the next page in a Link header. While writers
 * add to a list between pages, following the links gives every element that was there from the start exactly once.
 */
class PagingIntegrationTest extends IntegrationTest {

    @Test
    void theCatalogueGivesEveryItemOnceWhileItemsAreAdded() {
        String prefix = "Paged " + System.nanoTime() + " ";
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            before.add(shop.addItem(prefix + (char) ('a' + i), 100, 1));
        }
        before.forEach(item -> shop.awaitVersion("/api/items/" + item, 0));
        AtomicInteger added = new AtomicInteger();

        List<JsonNode> items = shop.allPages("/api/items?limit=5", () ->
                // one sorts before every page, one after: neither may shift the pages
                shop.addItem((added.getAndIncrement() % 2 == 0 ? "!" : "~") + prefix, 100, 1));

        List<String> ids = items.stream().map(item -> item.get("itemId").asText()).toList();
        assertThat(new HashSet<>(ids)).as("no item twice").hasSameSizeAs(ids);
        assertThat(ids).containsAll(before);
        List<String> names = items.stream().map(item -> item.get("name").asText()).toList();
        assertThat(names).as("by name").isSortedAccordingTo(String::compareTo);
    }

    @Test
    void aCustomersOrdersComeNewestFirstOnceEachWhileOrdersArePlaced() {
        String user = shop.registerUser("paging-orders");
        shop.topUp(user, 1_000_000);
        String item = shop.addItem("Paged order item", 1, 1_000);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            placed.add(shop.placeOrder(user, Map.of(item, 1)));
        }
        placed.forEach(shop::awaitTerminal);

        List<JsonNode> orders = shop.allPages("/api/users/" + user + "/orders?limit=3",
                () -> shop.placeOrder(user, Map.of(item, 1)));

        List<String> ids = orders.stream().map(order -> order.get("orderId").asText()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).containsAll(placed);
        assertThat(orders.stream().map(order -> order.get("placedAt").asText()).toList())
                .as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anAuditTrailGivesEveryEventOnceInOrderWhileEventsAreAppended() {
        String user = shop.registerUser("paging-trail");
        for (int i = 1; i <= 9; i++) {
            shop.topUp(user, i);
        }

        List<JsonNode> events = shop.allPages("/api/users/" + user + "/events?limit=4", () -> shop.topUp(user, 1));

        List<Long> sequences = events.stream().map(event -> event.get("sequence").asLong()).toList();
        assertThat(sequences.subList(0, 10)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(new HashSet<>(sequences)).hasSameSizeAs(sequences);
        assertThat(sequences).isSorted();
    }

    @Test
    void theEventBrowserPagesBackOnceThroughEveryEventWhileEventsAreAppended() {
        String user = shop.registerUser("paging-browser");
        for (int i = 1; i <= 9; i++) {
            shop.topUp(user, i);
        }

        List<JsonNode> events = shop.allPages("/api/admin/events?aggregateId=" + user + "&limit=4",
                () -> shop.topUp(user, 1)); // newer than the first page: never on a later one

        List<Long> positions = events.stream().map(event -> event.get("globalIndex").asLong()).toList();
        assertThat(positions).as("newest first, each once").isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        assertThat(events).extracting(event -> event.get("sequence").asLong())
                .containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
    }

    @Test
    void theLastPageNamesNoNextAndAFullListFitsOnOnePage() {
        String user = shop.registerUser("one-page");
        shop.topUp(user, 1);

        var all = shop.get("/api/users/" + user + "/events");
        var first = shop.get("/api/users/" + user + "/events?limit=1");
        var second = shop.get(dev.eventshop.support.ShopClient.nextPage(first));

        assertThat(all.getBody()).hasSize(2);
        assertThat(all.getHeaders().get("Link")).isNull();
        assertThat(first.getBody()).hasSize(1);
        assertThat(first.getHeaders().getFirst("Link")).startsWith("</api/users/" + user + "/events?limit=1&after=")
                .endsWith(">; rel=\"next\"");
        assertThat(second.getBody().get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(second.getHeaders().get("Link")).isNull();
    }

    @Test
    void everyListPagesTheSameWay() {
        String user = shop.registerUser("every-list");
        String item = shop.addItem("Every list item", 1, 10);
        shop.topUp(user, 10);
        String order = shop.placeOrder(user, Map.of(item, 2));
        shop.awaitTerminal(order);
        String[] lists = {"/api/items", "/api/users/" + user + "/orders", "/api/users/" + user + "/events",
                "/api/items/" + item + "/events", "/api/orders/" + order + "/events", "/api/admin/events",
                "/api/admin/aggregates/" + item + "/timeline", "/api/admin/dead-letters",
                "/api/admin/sagas/OrderSaga/instances", "/api/admin/deadlines"};

        for (String list : lists) {
            var page = shop.get(list + "?limit=1");
            assertThat(page.getStatusCode().value()).as(list).isEqualTo(200);
            assertThat(page.getBody().isArray()).as(list).isTrue();
            assertThat(page.getBody().size()).as(list).isLessThanOrEqualTo(1);
        }
        List<JsonNode> story = shop.allPages("/api/orders/" + order + "/events?limit=2", () -> { });
        assertThat(story).extracting(event -> event.get("type").asText())
                .containsExactly("OrderPlaced", "StockReserved", "BalanceDebited", "OrderConfirmed");
        assertThat(story).extracting(event -> event.get("position").asLong()).isSorted();
    }

    @Test
    void aBadLimitOrCursorIsAProblemAndAppendsNothing() {
        String user = shop.registerUser("bad-paging");
        String otherListsCursor = cursorOf(shop.get("/api/items?limit=1"));
        long events = store.countEvents();
        Set<String> bad = Set.of("limit=0", "limit=-1", "limit=501", "limit=text", "after=not-a-cursor",
                "after=" + otherListsCursor, "after=WyJ0cmFpbCJd", "after=WyJ0cmFpbCIsIngiXQ");

        for (String query : bad) {
            var answer = shop.get("/api/users/" + user + "/events?" + query);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(query).hasToString("application/problem+json");
            assertThat(answer.getBody().get("type").asText()).as(query).isEqualTo("/problems/validation");
            assertThat(answer.getBody().get("field").asText()).as(query).isIn("limit", "after");
        }
        assertThat(shop.get("/api/items?limit=501").getStatusCode().value()).isEqualTo(400);
        assertThat(shop.get("/api/admin/events?after=x").getStatusCode().value()).isEqualTo(400);
        assertThat(store.countEvents()).as("nothing appended").isEqualTo(events);
    }

    private static String cursorOf(org.springframework.http.ResponseEntity<?> page) {
        String next = dev.eventshop.support.ShopClient.nextPage(page);
        return next.substring(next.indexOf("after=") + "after=".length());
    }
}
