package dev.eventshop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.EventSeeder;
import dev.eventshop.support.ExternalPostgres;
import dev.eventshop.support.Replays;
import dev.eventshop.support.ServiceProcess;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blue/green rebuilds of the packaged service over a store of more than 100,000 events, driven over HTTP as an
 * operator would: while each projection is rebuilt, reads of the accounts, items and orders that existed before
 * never answer 404 nor an older version; the rebuilt views equal the old ones; a rebuild killed with SIGKILL
 * halfway resumes from its tokens after the restart and switches; and a node whose code has a newer version of a
 * projection than its generation rebuilds it on start and switches.
 */
class RebuildIT {

    private static final int SEEDED_USERS = 10_000;
    private static final int EVENTS_PER_SEEDED_USER = 10;
    /** Long enough that a rebuild's old generation can be compared with the new one after the switch. */
    private static final Map<String, String> SETTINGS = Map.of("eventshop.projections.drop-delay", "20s");

    @Test
    void rebuildsKeepEveryReadRightSurviveAKillAndFollowAVersionBump() throws Exception {
        try (ExternalPostgres database = new ExternalPostgres("rebuild").start()) {
            JdbcTemplate jdbc = database.jdbc();
            Known known;
            try (ServiceProcess node = ServiceProcess.on("rebuild-a", database.jdbcUrl(), SETTINGS).start()) {
                known = Known.create(node.client(), jdbc);
                for (String projection : List.of("users", "items", "orders")) {
                    rebuildWhileReading(node.client(), jdbc, known, projection);
                }
            }
            aRebuildKilledHalfwayResumesAfterTheRestart(database, jdbc, known);
            aVersionBumpRebuildsOnStart(database, jdbc, known);
        }
    }

    /** A rebuild of one projection, read throughout; the rebuilt rows equal the ones they replace. */
    private static void rebuildWhileReading(ShopClient shop, JdbcTemplate jdbc, Known known, String projection)
            throws Exception {
        await().atMost(Duration.ofMinutes(2)).until(() -> noLag(shop));
        String view = VIEWS.get(projection);
        long old = servingGeneration(shop, projection);
        List<Map<String, Object>> before = jdbc.queryForList(view, old);
        long head = head(jdbc);
        assertThat(head).as("events in the store").isGreaterThanOrEqualTo(100_000);

        long generation;
        try (Readers readers = new Readers(shop, known).start()) {
            readers.awaitReads(50);
            ResponseEntity<JsonNode> started = shop.post("/api/admin/projections/" + projection + "/rebuild", Map.of());
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            generation = started.getBody().get("rebuild").get("generation").asLong();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> servingGeneration(shop, projection) == generation);
            readers.awaitReads(readers.reads() + 50); // and on after the switch
            readers.assertNoneWrong(projection);
        }
        assertThat(jdbc.queryForList(view, generation)).as("the rebuilt %s", projection)
                .isEqualTo(before).isNotEmpty();
    }

    private static void aRebuildKilledHalfwayResumesAfterTheRestart(ExternalPostgres database, JdbcTemplate jdbc,
                                                                    Known known) throws Exception {
        long generation;
        String processor;
        long handledAtTheKill;
        // small batches make the rebuild slow enough to be caught halfway
        Map<String, String> slow = Map.of("eventshop.projections.batch-size", "10");
        try (ServiceProcess node = ServiceProcess.on("rebuild-killed", database.jdbcUrl(), slow).start()) {
            ShopClient shop = node.client();
            awaitFreeSlot(shop, "users");
            JsonNode started = shop.post("/api/admin/projections/users/rebuild", Map.of()).getBody();
            generation = started.get("rebuild").get("generation").asLong();
            processor = started.get("rebuild").get("processor").asText();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode rebuild = shop.get("/api/admin/projections/users").getBody().get("rebuild");
                return rebuild.get("progress").asDouble() >= 0.2;
            });
            node.kill();
            handledAtTheKill = Replays.slowestStoredPosition(jdbc, processor);
            assertThat(handledAtTheKill).as("position the killed rebuild had reached")
                    .isGreaterThan(head(jdbc) / 10).isLessThan(head(jdbc) * 9 / 10);
        }
        try (ServiceProcess node = ServiceProcess.on("rebuild-resumed", database.jdbcUrl(), SETTINGS).start()) {
            ShopClient shop = node.client();
            List<Long> positions = new ArrayList<>();
            try (Readers readers = new Readers(shop, known).start()) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    positions.add(Replays.slowestStoredPosition(jdbc, processor));
                    return servingGeneration(shop, "users") == generation;
                });
                readers.awaitReads(readers.reads() + 50);
                readers.assertNoneWrong("users after the restart");
            }
            // resumed from its tokens: had it started over, its processor's tokens would have begun again at 0
            assertThat(positions).as("the resumed rebuild's slowest position, sampled")
                    .allMatch(position -> position >= handledAtTheKill);
            assertThat(seededUsersInServingGeneration(jdbc)).isEqualTo(SEEDED_USERS);
        }
    }

    private static void aVersionBumpRebuildsOnStart(ExternalPostgres database, JdbcTemplate jdbc, Known known)
            throws Exception {
        // as if the live generation of items had been built by the code before this one's (version 0)
        long old = jdbc.queryForObject("""
                update projection_generation set version = 0
                where projection = 'items' and state = 'LIVE' returning generation""", Long.class);
        List<Map<String, Object>> before = jdbc.queryForList(VIEWS.get("items"), old);
        try (ServiceProcess node = ServiceProcess.on("rebuild-newer-code", database.jdbcUrl(), SETTINGS).start()) {
            ShopClient shop = node.client();
            try (Readers readers = new Readers(shop, known).start()) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    JsonNode serving = shop.get("/api/admin/projections/items").getBody().get("serving");
                    return serving.get("generation").asLong() != old && serving.get("version").asInt() == 1;
                });
                readers.awaitReads(readers.reads() + 50);
                readers.assertNoneWrong("items after a version bump");
            }
            long rebuilt = servingGeneration(shop, "items");
            assertThat(jdbc.queryForList(VIEWS.get("items"), rebuilt)).isEqualTo(before);
            // no node of version 0 is alive, so nobody reads the old generation: it is retired and dropped
            await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
                    "select count(*) from projection_generation where projection = 'items' and generation = ?",
                    Long.class, old) == 0);
        }
    }

    /** Each projection's rows of one generation, in a stable order, without the generation itself. */
    private static final Map<String, String> VIEWS = Map.of(
            "users", """
                    select user_id, name, email, balance, version from user_view
                    where generation = ? and name not like 'busy-%' order by user_id""",
            "items", "select item_id, name, price, stock, version from item_view where generation = ? order by item_id",
            "orders", """
                    select v.order_id, v.user_id, v.status, v.reason, v.total, v.placed_at, v.updated_at, v.version,
                      l.line_no, l.item_id, l.quantity, l.unit_price
                    from order_view v join order_view_line l using (generation, order_id)
                    where generation = ? order by order_id, line_no""");

    private static long servingGeneration(ShopClient shop, String projection) {
        return shop.get("/api/admin/projections/" + projection).getBody().get("serving").get("generation").asLong();
    }

    private static void awaitFreeSlot(ShopClient shop, String projection) {
        await().atMost(Duration.ofMinutes(1)).until(() ->
                shop.get("/api/admin/projections/" + projection).getBody().get("generations").size() < 2);
    }

    private static boolean noLag(ShopClient shop) {
        for (JsonNode processor : shop.get("/api/admin/processors").getBody()) {
            if (processor.path("running").asBoolean() && processor.path("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private static long seededUsersInServingGeneration(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from user_view where generation = serving_generation('users', 1)
                and email like '%@seed.example' and balance = ? and version = ?""", Long.class,
                100L * (EVENTS_PER_SEEDED_USER - 1), EVENTS_PER_SEEDED_USER - 1L);
    }

    /** What existed before the rebuilds: seeded accounts, and accounts, items and orders made over HTTP. */
    private record Known(List<String> paths, List<String> busyUsers) {

        static Known create(ShopClient shop, JdbcTemplate jdbc) {
            List<String> users = IntStream.range(0, 5).mapToObj(i -> shop.registerUser("customer-" + i)).toList();
            users.forEach(user -> shop.topUp(user, 10_000));
            List<String> items = IntStream.range(0, 5).mapToObj(i -> shop.addItem("Item " + i, 100 + i, 50)).toList();
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String order = shop.placeOrder(users.get(i % users.size()), Map.of(items.get(i % items.size()), 1));
                shop.awaitTerminal(order);
                orders.add(order);
            }
            // busy users are topped up during the rebuilds: reads of them must never go back
            List<String> busy = IntStream.range(0, 2).mapToObj(i -> shop.registerUser("busy-" + i)).toList();
            new EventSeeder(jdbc).users(SEEDED_USERS, EVENTS_PER_SEEDED_USER);
            List<String> seeded = jdbc.queryForList("""
                    select aggregate_identifier from domain_event_entry
                    where sequence_number = 0 and payload_type = 'dev.eventshop.user.api.UserRegistered'
                    and convert_from(payload, 'UTF8') like '%@seed.example%' order by global_index limit 40""",
                    String.class);
            List<String> paths = new ArrayList<>();
            seeded.forEach(user -> paths.add("/api/users/" + user));
            users.forEach(user -> paths.add("/api/users/" + user));
            busy.forEach(user -> paths.add("/api/users/" + user));
            items.forEach(item -> paths.add("/api/items/" + item));
            orders.forEach(order -> paths.add("/api/orders/" + order));
            // the views have the seeded accounts before any rebuild is measured
            await().atMost(Duration.ofMinutes(2)).until(() -> paths.stream()
                    .allMatch(path -> shop.get(path).getStatusCode().value() == 200));
            return new Known(paths, busy);
        }

    }

    /**
     * Reads every known path in a loop, on two threads, while a third tops up the busy users; records any answer
     * other than 200 and any version lower than one already seen for that path.
     */
    private static final class Readers implements AutoCloseable {

        private final ShopClient shop;
        private final Known known;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong reads = new AtomicLong();
        private final Map<String, Long> newestSeen = new ConcurrentHashMap<>();
        private final List<String> wrong = new CopyOnWriteArrayList<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(3);
        private final List<Future<?>> work = new ArrayList<>();

        Readers(ShopClient shop, Known known) {
            this.shop = shop;
            this.known = known;
        }

        Readers start() {
            for (int reader = 0; reader < 2; reader++) {
                // each path has one reader: answers to one reader's requests come back in the order it sent them
                int parity = reader;
                List<String> mine = IntStream.range(0, known.paths().size()).filter(i -> i % 2 == parity)
                        .mapToObj(known.paths()::get).toList();
                work.add(threads.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        read(mine.get(i % mine.size()));
                    }
                }));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    shop.topUp(known.busyUsers().get(i % known.busyUsers().size()), 1);
                }
            }));
            return this;
        }

        private void read(String path) {
            ResponseEntity<JsonNode> answer = shop.get(path);
            reads.incrementAndGet();
            if (answer.getStatusCode().value() != 200) {
                wrong.add(path + " answered " + answer.getStatusCode().value());
                return;
            }
            long version = answer.getBody().get("version").asLong();
            Long before = newestSeen.put(path, Math.max(version, newestSeen.getOrDefault(path, -1L)));
            if (before != null && before > version) {
                wrong.add(path + " went back to version " + version + " after " + before);
            }
        }

        long reads() {
            return reads.get();
        }

        void awaitReads(long count) {
            await().atMost(Duration.ofMinutes(1)).until(() -> reads.get() >= count);
        }

        void assertNoneWrong(String during) {
            assertThat(reads.get()).as("reads during the rebuild of %s", during).isPositive();
            assertThat(wrong).as("wrong answers of %,d reads during the rebuild of %s", reads.get(), during)
                    .isEmpty();
            System.out.printf("RebuildIT: %,d reads during the rebuild of %s, none wrong%n", reads.get(), during);
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            for (Future<?> each : work) {
                each.get(30, TimeUnit.SECONDS); // rethrows a failed request
            }
            threads.shutdown();
        }
    }
}
