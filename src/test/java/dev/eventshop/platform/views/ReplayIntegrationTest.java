package dev.eventshop.platform.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.platform.projections.Projections;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every view is derived from events: rebuilt from the start of the store, as a new generation beside the serving
 * one, it comes out the same, while the serving one goes on answering; the switch and the drop of the old one
 * follow by themselves.
 */
class ReplayIntegrationTest extends IntegrationTest {

    @Autowired
    private Projections projections;
    @Autowired
    private EventProcessingConfiguration processing;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "users  | select user_id, name, email, balance, version from user_view"
                    + " where generation = serving_generation('users', 1) order by user_id"
                    + " | update user_view set balance = balance + 1",
            "items  | select item_id, name, price, stock, version from item_view"
                    + " where generation = serving_generation('items', 1) order by item_id"
                    + " | update item_view set stock = stock + 1",
            "orders | select v.order_id, v.user_id, v.status, v.reason, v.total, v.placed_at, v.updated_at,"
                    + " v.version, l.line_no, l.item_id, l.quantity, l.unit_price from order_view v"
                    + " join order_view_line l using (generation, order_id)"
                    + " where generation = serving_generation('orders', 1) order by order_id, line_no"
                    + " | update order_view set total = coalesce(total, 0) + 1"})
    void aRebuildMakesTheSameViewAsANewGenerationAndDropsTheOldOne(String projection, String viewQuery,
                                                                   String tampering) {
        String user = shop.registerUser("replay");
        shop.topUp(user, 500);
        String item = shop.addItem("Replayed", 100, 3);
        shop.awaitTerminal(shop.placeOrder(user, Map.of(item, 2)));
        Replays.awaitCaughtUp(projections, processing(), projection, jdbc);
        List<Map<String, Object>> before = jdbc.queryForList(viewQuery);
        long old = projections.one(projection).orElseThrow().serving().generation();
        jdbc.update(tampering); // only a real rebuild from the events can undo this
        assertThat(jdbc.queryForList(viewQuery)).isNotEqualTo(before);

        long rebuilt = Replays.rebuildFromStart(projections, projection);

        assertThat(rebuilt).isGreaterThan(old);
        assertThat(jdbc.queryForList(viewQuery)).isEqualTo(before).isNotEmpty();
        String table = projection.equals("orders") ? "order_view" : projection.substring(0, 4) + "_view";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from " + table + " where generation = ?", Long.class, old) == 0
                && projections.one(projection).orElseThrow().generations().size() == 1);
    }

    @Test
    void readsDuringARebuildNeverMissAnAccountNorGoBackWhileTopUpsKeepArriving() throws Exception {
        List<String> users = IntStream.range(0, 4).mapToObj(i -> shop.registerUser("busy-" + i)).toList();
        users.forEach(user -> shop.awaitVersion("/api/users/" + user, 0));
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong accepted = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Map<String, Long> newestSeen = new ConcurrentHashMap<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> load = IntStream.range(0, 2).mapToObj(client -> clients.submit(() -> {
            for (int i = client; loading.get(); i += 2) {
                shop.topUp(users.get(i % users.size()), 1 + i % 7);
                accepted.incrementAndGet();
            }
        })).collect(Collectors.toList());
        load.add(clients.submit(() -> {
            for (int i = 0; loading.get(); i++) {
                String user = users.get(i % users.size());
                var answer = shop.get("/api/users/" + user);
                reads.incrementAndGet();
                if (answer.getStatusCode().value() != 200) {
                    wrong.add(user + " answered " + answer.getStatusCode().value());
                    continue;
                }
                long version = answer.getBody().get("version").asLong();
                Long before = newestSeen.put(user, Math.max(version, newestSeen.getOrDefault(user, -1L)));
                if (before != null && version < before) {
                    wrong.add(user + " went back from version " + before + " to " + version);
                }
            }
        }));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 20);

            Replays.awaitFreeSlot(projections, "users");
            var replay = shop.post("/api/admin/processors/users/replay", Map.of());
            assertThat(replay.getStatusCode().value()).isEqualTo(202);
            long generation = replay.getBody().get("rebuild").get("generation").asLong();
            long acceptedAtStart = accepted.get();

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode status = shop.get("/api/admin/projections/users").getBody();
                return status.get("serving").get("generation").asLong() == generation
                        && accepted.get() > acceptedAtStart + 20;
            });
            long readsAtSwitch = reads.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > readsAtSwitch + 20);
        } finally {
            loading.set(false);
            for (Future<?> client : load) {
                client.get(30, TimeUnit.SECONDS); // rethrows a failed request
            }
            clients.shutdown();
        }

        assertThat(wrong).isEmpty();
        Replays.awaitCaughtUp(projections, processing(), "users", jdbc);
        for (String user : users) {
            long stored = store.sum(user, BalanceToppedUp.class, "amount");
            assertThat(stored).isPositive();
            assertThat(shop.get("/api/users/" + user).getBody().get("balance").asLong())
                    .as("balance of %s in the view", user).isEqualTo(stored);
        }
    }

    @Test
    void aCancelledRebuildLeavesTheServingGenerationAsItWas() throws Exception {
        AtomicLong building = new AtomicLong();
        String user = shop.registerUser("cancel");
        shop.awaitVersion("/api/users/" + user, 0);
        long serving = projections.one("users").orElseThrow().serving().generation();

        Replays.awaitFreeSlot(projections, "users");
        JsonNode cancelled = Replays.withSwitchHeldBack(jdbc, projections, "users", () -> {
            var started = shop.post("/api/admin/projections/users/rebuild", Map.of());
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            building.set(started.getBody().get("rebuild").get("generation").asLong());
            var again = shop.post("/api/admin/projections/users/rebuild", Map.of());
            assertThat(again.getStatusCode().value()).isEqualTo(409);
            assertThat(again.getBody().get("type").asText()).endsWith("rebuild-in-progress");

            return shop.delete("/api/admin/projections/users/rebuild").getBody();
        });

        assertThat(cancelled.get("rebuild").isNull()).isTrue();
        assertThat(cancelled.get("serving").get("generation").asLong()).isEqualTo(serving);
        assertThat(shop.get("/api/users/" + user).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from projection_generation where projection = 'users' and generation = ?",
                Long.class, building.get()) == 0);
        assertThat(shop.delete("/api/admin/projections/users/rebuild").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aReplayFromAnInstantHandlesTheLaterEventsAgainOntoACopyOfTheServingRows() {
        String early = shop.registerUser("early");
        shop.topUp(early, 10);
        shop.awaitVersion("/api/users/" + early, 1);
        Instant between = Instant.now();
        String late = shop.registerUser("late");
        shop.topUp(late, 20);
        shop.awaitVersion("/api/users/" + late, 1);
        // every serving segment's stored token past the instant: else the replay starts where the slowest stands
        // (a segment that skips events stores its token only now and then)
        Replays.awaitStoredTokensAtHead(projections, "users", jdbc);
        // a fault in the serving rows of both: the copy carries the early one's, the replay mends the late one's
        jdbc.update("update user_view set balance = 999 where user_id in (?, ?)", early, late);

        Replays.awaitFreeSlot(projections, "users");
        var replay = shop.post("/api/admin/processors/users-blue/replay", Map.of("from", between.toString()));
        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        Replays.awaitServing(projections, "users", replay.getBody().get("rebuild").get("generation").asLong());

        assertThat(shop.get("/api/users/" + early).getBody().get("balance").asLong()).isEqualTo(999);
        assertThat(shop.get("/api/users/" + late).getBody().get("balance").asLong()).isEqualTo(20);
    }

    private EventProcessingConfiguration processing() {
        return processing;
    }
}
