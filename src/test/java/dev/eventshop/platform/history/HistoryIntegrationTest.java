package dev.eventshop.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit trails and time travel, as an auditor reaches them over HTTP. */
class HistoryIntegrationTest extends IntegrationTest {

    @Test
    void aUsersAuditTrailListsEveryEventInOrderWithWhoAndWhy() {
        String user = shop.registerUser("ann");
        shop.topUp(user, 10);
        shop.topUp(user, 20);

        List<JsonNode> events = list(shop.get("/api/users/" + user + "/events").getBody());

        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("UserRegistered", "BalanceToppedUp", "BalanceToppedUp");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(events.get(2).get("payload").get("balanceAfter").asLong()).isEqualTo(30);
        assertThat(events.get(0).get("payload").has("passwordHash")).as("never shown, not even hashed").isFalse();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("aggregateType").asText()).isEqualTo("User");
            assertThat(e.get("principal").asText()).isEqualTo("admin"); // the tests' client signs in as admin
            assertThat(e.get("correlationId").asText()).isNotBlank();
            assertThat(Instant.parse(e.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void anOrdersStorySpansTheAggregatesItsSagaTouched() {
        var bob = shop.registerCustomer("bob");
        String user = bob.userId();
        shop.topUp(user, 10_000);
        String pen = shop.addItem("Pen", 100, 5);
        String pad = shop.addItem("Pad", 300, 1);
        String orderId = shop.as(bob).placeOrder(user, Map.of(pen, 2));
        Map<String, Integer> lastLineFails = new LinkedHashMap<>();
        lastLineFails.put(pen, 1);
        lastLineFails.put(pad, 2);
        String failed = shop.placeOrder(user, lastLineFails);
        shop.awaitTerminal(orderId);
        shop.awaitTerminal(failed);

        List<JsonNode> confirmed = list(shop.get("/api/orders/" + orderId + "/events").getBody());
        List<JsonNode> rejected = list(shop.get("/api/orders/" + failed + "/events").getBody());

        assertThat(confirmed).extracting(e -> e.get("type").asText())
                .containsExactly("OrderPlaced", "StockReserved", "BalanceDebited", "OrderConfirmed");
        assertThat(confirmed).extracting(e -> e.get("aggregateId").asText())
                .containsExactly(orderId, pen, user, orderId);
        assertThat(rejected).extracting(e -> e.get("type").asText())
                .containsExactly("OrderPlaced", "StockReserved", "StockReservationRejected", "StockReleased",
                        "OrderRejected");
        assertThat(confirmed).allSatisfy(e -> assertThat(e.get("principal").asText())
                .as("the customer who placed it, carried through the saga").isEqualTo(user));
        assertThat(confirmed).extracting(e -> e.get("traceId").asText()).as("one request started it all")
                .containsOnly(confirmed.get(0).get("traceId").asText());
    }

    @Test
    void anAuditTrailOfAnUnknownOrOtherKindOfAggregateIsNotFound() {
        String item = shop.addItem("Lamp", 100, 1);

        assertThat(shop.get("/api/users/" + item + "/events").getStatusCode().value()).isEqualTo(404);
        assertThat(shop.get("/api/items/" + item + "/events").getStatusCode().value()).isEqualTo(200);
        assertThat(shop.get("/api/orders/" + item + "/events").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void asOfShowsTheBalanceAsItWasThen() {
        String user = shop.registerUser("cid");
        List<Long> balances = new ArrayList<>();
        for (int i = 1; i <= 8; i++) { // past the test snapshot threshold of 5
            balances.add(shop.topUp(user, 100));
        }
        List<JsonNode> events = list(shop.get("/api/users/" + user + "/events").getBody());

        for (int sequence : new int[] {1, 3, 7, 8}) {
            String at = events.get(sequence).get("timestamp").asText();
            JsonNode past = shop.get("/api/users/" + user + "?asOf=" + at).getBody();
            assertThat(past.get("balance").asLong()).as("balance as of event %d", sequence)
                    .isEqualTo(balances.get(sequence - 1));
            assertThat(past.get("version").asLong()).isEqualTo(sequence);
            assertThat(past.get("name").asText()).isEqualTo("cid");
        }
        Instant registeredAt = Instant.parse(events.get(0).get("timestamp").asText());
        assertThat(shop.get("/api/users/" + user + "?asOf=" + registeredAt.minusMillis(1))
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void asOfStartsFromTheNewestSnapshotBeforeTheInstantAndReadsOnlyTheEventsAfterIt() {
        String user = shop.registerUser("dora");
        for (int i = 1; i <= 22; i++) { // the tests snapshot every 5 events: several snapshots, all kept
            shop.topUp(user, 100);
        }
        List<JsonNode> events = list(shop.get("/api/users/" + user + "/events").getBody());
        List<Long> covered = jdbc.queryForList("select sequence_number from snapshot_event_entry "
                + "where aggregate_identifier = ? and last_event_time_stamp is not null order by sequence_number",
                Long.class, user);
        assertThat(covered).as("every snapshot kept, with the time of the event it covers").hasSizeGreaterThan(2);
        long middle = covered.get(covered.size() / 2);
        // a snapshot that lies about the name (sealed there, so the lie replaces the sealed value): asOf shows the
        // lie exactly where it starts from that snapshot
        jdbc.update("update snapshot_event_entry set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')"
                + "::jsonb, '{name}', '\"liar\"')::text, 'UTF8') where aggregate_identifier = ? "
                + "and sequence_number = ?", user, middle);
        long next = covered.stream().filter(c -> c > middle).findFirst().orElseThrow();

        for (int sequence = 1; sequence < events.size(); sequence++) {
            String at = events.get(sequence).get("timestamp").asText();
            JsonNode past = shop.get("/api/users/" + user + "?asOf=" + at).getBody();
            boolean fromTheLie = sequence >= middle && sequence < next;
            assertThat(past.get("name").asText()).as("name as of event %d", sequence)
                    .isEqualTo(fromTheLie ? "liar" : "dora");
            assertThat(past.get("balance").asLong()).as("balance as of event %d", sequence)
                    .isEqualTo(sequence * 100L);
            assertThat(past.get("version").asLong()).isEqualTo(sequence);
        }
    }

    @Test
    void asOfShowsAnItemsPriceAndStockAsTheyWere() {
        String item = shop.addItem("Clock", 1_000, 2);
        shop.put("/api/items/" + item + "/price", Map.of("price", 1_200));
        shop.post("/api/items/" + item + "/restock", Map.of("quantity", 3));
        List<JsonNode> events = list(shop.get("/api/items/" + item + "/events").getBody());

        JsonNode afterRepricing = shop.get("/api/items/" + item + "?asOf="
                + events.get(1).get("timestamp").asText()).getBody();

        assertThat(afterRepricing.get("price").asLong()).isEqualTo(1_200);
        assertThat(afterRepricing.get("stock").asInt()).isEqualTo(2);
        assertThat(afterRepricing.get("name").asText()).isEqualTo("Clock");
    }

    @Test
    void aMalformedInstantIsABadRequest() {
        String user = shop.registerUser("dee");

        var answer = shop.get("/api/users/" + user + "?asOf=last-tuesday");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("asOf");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

}
