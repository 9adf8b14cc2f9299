package dev.eventshop.platform.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event feed over HTTP: complete, in order, resumable, gap-safe, and for its readers only. */
class FeedIntegrationTest extends IntegrationTest {

    @Autowired
    private FeedContract contract;
    @Autowired
    private DataSource dataSource;

    private ShopClient consumer() {
        return shop.as(ShopClient.FEED_CONSUMER, ShopClient.FEED_SECRET);
    }

    @Test
    void catchingUpFromZeroGivesTheStoresIntegrationEventsInOrderAndResumingGivesTheRestOnce() {
        ShopClient.Customer ann = shop.registerCustomer("feed-ann");
        shop.topUp(ann.userId(), 1_000);
        String item = shop.addItem("Feed Lamp", 120, 5);
        shop.awaitTerminal(shop.placeOrder(ann.userId(), Map.of(item, 2)));

        List<JsonNode> all = readAll(consumer(), 0, 7);
        long last = all.get(all.size() - 1).get("position").asLong();
        List<Long> stored = jdbc.queryForList("""
                select global_index from domain_event_entry where global_index <= ? and payload_type = any (?)
                order by global_index""", Long.class, last, contract.storedTypes().toArray(String[]::new));

        assertThat(all).extracting(event -> event.get("position").asLong()).containsExactlyElementsOf(stored);
        JsonNode confirmed = all.stream().filter(event -> event.get("type").asText()
                .equals("dev.eventshop.order.confirmed.v1") && event.get("data").get("userId").asText()
                .equals(ann.userId())).findFirst().orElseThrow();
        assertThat(confirmed.get("specversion").asText()).isEqualTo("1.0");
        assertThat(confirmed.get("source").asText()).isEqualTo("/eventshop");
        assertThat(confirmed.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(confirmed.get("data").get("total").asLong()).isEqualTo(240);
        assertThat(Instant.parse(confirmed.get("time").asText())).isBefore(Instant.now());
        JsonNode registered = all.stream().filter(event -> event.get("subject").asText().equals(ann.userId())
                && event.get("type").asText().equals("dev.eventshop.customer.registered.v1")).findFirst()
                .orElseThrow();
        assertThat(registered.get("data").size()).as("nothing personal: the id only").isEqualTo(1);
        assertThat(registered.toString()).doesNotContain(ann.email());

        for (int from = 0; from < all.size(); from += 10) {
            long after = all.get(from).get("position").asLong();
            List<JsonNode> rest = readAll(consumer(), after, 50).stream()
                    .filter(event -> event.get("position").asLong() <= last).toList();
            assertThat(rest).extracting(event -> event.get("id").asText())
                    .as("resumed after %s", after)
                    .containsExactlyElementsOf(all.subList(from + 1, all.size()).stream()
                            .map(event -> event.get("id").asText()).toList());
        }
    }

    @Test
    void aLowPositionStillOpenHoldsBackTheHigherOnesCommittedMeanwhile() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        String slowItem = UUID.randomUUID().toString();
        long slowPosition;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // as the event store appends: the transaction's id first, then the position from the sequence
            slow.createStatement().execute("select pg_current_xact_id()");
            try (PreparedStatement insert = slow.prepareStatement("""
                    insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                    values (nextval('domain_event_entry_seq'), ?, 0, 'Item', ?, 'dev.eventshop.item.api.ItemAdded',
                        null, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'), ?) returning global_index""")) {
                insert.setString(1, slowItem);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "{\"itemId\":\"" + slowItem + "\",\"name\":\"Slow\",\"price\":1,\"stock\":1}");
                insert.setString(4, Instant.now().toString());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    slowPosition = row.getLong(1);
                }
            }
            String fastItem = shop.addItem("Fast", 1, 1); // commits a higher position while the slow one is open
            long fastPosition = jdbc.queryForObject("select global_index from domain_event_entry "
                    + "where aggregate_identifier = ? and sequence_number = 0", Long.class, fastItem);
            assertThat(fastPosition).isGreaterThan(slowPosition);

            List<JsonNode> whileOpen = readAll(consumer(), before, 100);
            assertThat(whileOpen).extracting(event -> event.get("position").asLong())
                    .as("nothing at or beyond the open position %s", slowPosition)
                    .allMatch(position -> position < slowPosition);

            slow.commit();
            List<JsonNode> afterwards = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                afterwards.clear();
                afterwards.addAll(readAll(consumer(), before, 100));
                return afterwards.stream().anyMatch(event -> event.get("subject").asText().equals(fastItem));
            });
            List<String> subjects = afterwards.stream().map(event -> event.get("subject").asText()).toList();
            assertThat(subjects).containsSubsequence(slowItem, fastItem);
        }
    }

    @Test
    void badPositionsAndLimitsAreProblemsAndOnlyTheFeedsReadersGetIn() {
        ShopClient.Customer customer = shop.registerCustomer("feed-outsider");
        ShopClient feed = consumer();
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);

        for (String query : List.of("after=-1", "after=text", "limit=0", "limit=1001", "after=" + (head + 1_000_000))) {
            var answer = feed.get("/api/feed?" + query);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(query).hasToString("application/problem+json");
        }
        assertThat(shop.anonymous().get("/api/feed").getStatusCode().value()).isEqualTo(401);
        assertThat(shop.as(ShopClient.FEED_CONSUMER, "not-the-secret").get("/api/feed").getStatusCode().value())
                .isEqualTo(401);
        assertThat(shop.as(customer).get("/api/feed").getStatusCode().value()).isEqualTo(403);
        assertThat(shop.get("/api/feed?limit=1").getStatusCode().value()).as("the admin reads it").isEqualTo(200);
        assertThat(feed.get("/api/users/" + customer.userId()).getStatusCode().value()).isEqualTo(403);
        assertThat(feed.get("/api/users/" + customer.userId() + "/orders").getStatusCode().value()).isEqualTo(403);
        assertThat(feed.get("/api/admin/processors").getStatusCode().value()).isEqualTo(403);
        long events = store.countEvents();
        assertThat(feed.post("/api/orders", Map.of("userId", customer.userId(), "lines", List.of()))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(store.countEvents()).isEqualTo(events);
        assertThat(feed.get("/api/feed/types").getBody()).extracting(type -> type.get("type").asText())
                .contains("dev.eventshop.order.confirmed.v1", "dev.eventshop.item.stock-changed.v1",
                        "dev.eventshop.customer.erased.v1")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyFeedTypesSchemaIsPinnedInTheCommittedDescription() throws Exception {
        JsonNode committed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readString(java.nio.file.Path.of("openapi", "eventshop.json")))
                .get("components").get("schemas");
        JsonNode served = shop.get("/v3/api-docs").getBody().get("components").get("schemas");

        for (IntegrationEventType<?> type : contract.types()) {
            assertThat(committed.get(type.type())).as("%s has no committed schema", type.type()).isNotNull();
            assertThat(served.get(type.type())).as("the data of %s changed shape: a consumer would notice, so "
                    + "publish it as version %d (a new record and type) and keep the old one", type.type(),
                    type.version() + 1).isEqualTo(committed.get(type.type()));
        }
    }

    @Test
    void aLiveStreamDeliversEveryEventOnceInOrderAndResumesAfterTheLastEventId() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop.baseUrl() + "/api/feed"))
                        .header("Accept", "text/event-stream")
                        .header("Last-Event-ID", String.valueOf(before))
                        .header("Authorization", consumer().authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body()
                .filter(line -> line.startsWith("id:"))
                .forEach(line -> seen.add(Long.parseLong(line.substring(3).trim()))));
        reader.setDaemon(true);
        reader.start();

        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // while the stream is open
            String item = shop.addItem("Live " + i, 10, 1);
            shop.post("/api/items/" + item + "/restock", Map.of("quantity", 2));
            items.add(item);
        }
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier"
                + " = ?", Long.class, items.get(items.size() - 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(last));
        stream.body().close();

        List<Long> stored = jdbc.queryForList("""
                select global_index from domain_event_entry where global_index > ? and global_index <= ?
                and payload_type = any (?) order by global_index""", Long.class, before, last,
                contract.storedTypes().toArray(String[]::new));
        assertThat(seen.stream().filter(position -> position <= last).toList())
                .as("every event once, in order").containsExactlyElementsOf(stored);
        long resumeAfter = stored.get(4);
        var resumed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop.baseUrl()
                                + "/api/feed")).header("Accept", "text/event-stream")
                        .header("Last-Event-ID", String.valueOf(resumeAfter))
                        .header("Authorization", consumer().authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        List<Long> again = resumed.body().filter(line -> line.startsWith("id:"))
                .map(line -> Long.parseLong(line.substring(3).trim())).takeWhile(position -> position < last)
                .toList();
        resumed.body().close();
        assertThat(again).containsExactlyElementsOf(stored.subList(5, stored.size() - 1));
        var unknown = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop.baseUrl()
                                + "/api/feed")).header("Accept", "text/event-stream, application/problem+json")
                        .header("Last-Event-ID", "not-a-position")
                        .header("Authorization", consumer().authorization()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void aConsumerMayHaveAFewStreamsOpenAndTheNextIsTooMany() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<java.io.InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // eventshop.feed.streams-max-open-per-consumer
                var stream = http.send(liveRequest(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                open.add(stream.body());
            }
            var fifth = http.send(liveRequest(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(fifth.statusCode()).isEqualTo(429);
            assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
            await().atMost(Duration.ofSeconds(5)).until(() -> shop.get("/api/admin/feed").getBody().get("streams")
                    .size() >= 4);
        } finally {
            for (java.io.InputStream stream : open) {
                stream.close();
            }
            // a stream whose client went away ends at its next heartbeat: then it no longer counts
            await().atMost(Duration.ofSeconds(10)).until(() -> shop.get("/api/admin/feed").getBody()
                    .get("streams").isEmpty());
        }
    }

    private java.net.http.HttpRequest liveRequest() {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop.baseUrl() + "/api/feed"))
                .header("Accept", "text/event-stream, application/problem+json")
                .header("Authorization", consumer().authorization()).build();
    }

    /** Every page from a position on, following the Link headers. */
    private static List<JsonNode> readAll(ShopClient client, long after, int limit) {
        return client.allPages("/api/feed?after=" + after + "&limit=" + limit, () -> { });
    }
}
