package dev.eventshop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.support.ExternalPostgres;
import dev.eventshop.support.FeedReader;
import dev.eventshop.support.MixedLoad;
import dev.eventshop.support.ServiceProcess;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service processes on one PostgreSQL, as docs/design.md's scale-out promises: they share every processor's
 * segments, handle each event once, never corrupt an aggregate they both change, wake each other on commit, and
 * take over from each other, within the claim timeout after a kill and at once after a graceful stop.
 */
class TwoNodesIT {

    private static final Map<String, String> SETTINGS = Map.of("eventshop.order.timeout", "15s");
    private static final List<String> PROJECTIONS = List.of("users", "items", "orders");
    /** The count of events a processor handled, per node: labels in Prometheus' alphabetical order. */
    private static final Pattern HANDLED = Pattern.compile("(?m)^eventProcessor_successTimer_seconds_count\\{"
            + "payloadType=\"(\\w+)\",processorName=\"([\\w-]+)\",?} ([0-9.E+]+)$");

    @Test
    void twoNodesShareTheWorkHandleEachEventOnceAndTakeOverFromEachOther() throws Exception {
        try (ExternalPostgres database = new ExternalPostgres("two-nodes").start();
             ServiceProcess a = ServiceProcess.on("node-a", database.jdbcUrl(), SETTINGS).start();
             ServiceProcess b = ServiceProcess.on("node-b", database.jdbcUrl(), SETTINGS).start()) {
            JdbcTemplate jdbc = database.jdbc();
            ShopClient onA = a.client();
            ShopClient onB = b.client();
            List<String> processors = servingProcessors(onA);
            assertThat(processors).containsExactly("users-blue", "items-blue", "orders-blue", "OrderSagaProcessor");
            await().atMost(Duration.ofSeconds(30)).until(() -> everyProcessorIsSharedBy(jdbc, processors, a, b));

            List<String> users = Fixtures.richUsers(onA, 10);
            List<String> items = Fixtures.stockedItems(onA, 5);
            long feedStart = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                    Long.class);
            FeedReader liveOnB = FeedReader.follow(onB, feedStart); // while both nodes append
            MixedLoad load = new MixedLoad(List.of(onA, onB), users, items).start(6);
            List<Long> duplicateSagas = new ArrayList<>();
            String contended = onA.registerUser("topped-up-on-both-nodes");
            List<Integer> statuses = topUpsFromBothNodes(onA, onB, contended, 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                duplicateSagas.add(ordersWithMoreThanOneSaga(jdbc)); // sampled while both nodes run sagas
                return load.acknowledged() >= 200;
            });
            load.stop();

            assertThat(duplicateSagas).as("orders with two sagas, sampled under load").containsOnly(0L);
            assertThat(statuses).as("100 top-ups of one user, half on each node").containsOnly(200);
            assertThat(jdbc.queryForObject("""
                    select (convert_from(payload, 'UTF8')::jsonb ->> 'balanceAfter')::bigint from domain_event_entry
                    where aggregate_identifier = ? order by sequence_number desc limit 1""", Long.class, contended))
                    .isEqualTo(100 * 101 / 2);
            assertThat(load.serverErrors()).as("5xx answers under load on two nodes").isZero();
            StoreInvariants invariants = new StoreInvariants(jdbc);
            await().atMost(Duration.ofSeconds(90)).until(() -> invariants.pendingOrders() == 0
                    && invariants.activeSagas() == 0 && lagOf(onA) == 0);
            Fixtures.everyAcknowledgedCommandIsStored(load, jdbc);
            invariants.allHold();
            everyEventWasHandledOncePerProjection(jdbc, a, b);
            theFeedGaveEveryEventOnceInOrderOnEitherNode(jdbc, liveOnB, onA, feedStart);

            // an event appended on A reaches B's projection on commit, not at B's next poll
            onA.post("/api/admin/processors/users/stop", Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> owners(jdbc, "users-blue").equals(Set.of(b.nodeId())));
            // and B keeps them: A, which no longer runs the processor, does not count when they are shared out
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                    .until(() -> owners(jdbc, "users-blue").equals(Set.of(b.nodeId())));
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                millis.add(appendOnAndSeeOn(onA, onB, contended));
            }
            millis.sort(Long::compare);
            System.out.printf("TwoNodesIT: ms from a commit on A to B's view: %s%n", millis);
            assertThat(millis.get(millis.size() / 2)).as("median ms from a commit on A to B's view, of %s", millis)
                    .isLessThan(200);
            onA.post("/api/admin/processors/users/start", Map.of());

            String forgotten = anErasureOnOneNodeReachesWhatTheOtherRemembers(onA, onB);

            aRebuildStartedOnOneNodeServesBothAndSwitchesBoth(onA, onB, users, jdbc);
            List<String> rebuilt = servingProcessors(onB);
            assertThat(rebuilt).contains("users-green");
            await().atMost(Duration.ofSeconds(30)).until(() -> everyProcessorIsSharedBy(jdbc, rebuilt, a, b));

            // a killed node's segments are claimed by the other once its claims time out
            b.kill();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rebuilt.stream().allMatch(p -> owners(jdbc, p).equals(Set.of(a.nodeId()))));
            System.out.printf("TwoNodesIT: segments taken over %d ms after a kill -9%n",
                    (System.nanoTime() - killed) / 1_000_000);

            // a node stopped with SIGTERM releases its claims: the other takes over at once
            try (ServiceProcess c = ServiceProcess.on("node-c", database.jdbcUrl(), SETTINGS).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> everyProcessorIsSharedBy(jdbc, rebuilt, a, c));
                Duration shutdown = a.terminate();
                long stopped = System.nanoTime();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> rebuilt.stream().allMatch(p -> owners(jdbc, p).equals(Set.of(c.nodeId()))));
                System.out.printf("TwoNodesIT: SIGTERM took %d ms; segments taken over %d ms after the exit%n",
                        shutdown.toMillis(), (System.nanoTime() - stopped) / 1_000_000);
                String later = c.client().registerUser("after-the-handover");
                assertThat(c.client().awaitVersion("/api/users/" + later, 0).get("balance").asLong()).isZero();
                // a node that never saw the erased customer, so has nothing of theirs cached, reads them erased
                JsonNode registered = c.client().get("/api/users/" + forgotten + "/events").getBody().get(0);
                assertThat(registered.get("personalDataErased").asBoolean()).isTrue();
                assertThat(registered.get("payload").get("name").isNull()).isTrue();
                assertThat(c.client().get("/api/users/" + forgotten).getBody().get("erased").asBoolean()).isTrue();
                var past = c.client().get("/api/users/" + forgotten + "?asOf=" + java.time.Instant.now());
                assertThat(past.getStatusCode().value()).as("time travel in the packaged jar: %s", past.getBody())
                        .isEqualTo(200);
                assertThat(past.getBody().get("erased").asBoolean()).isTrue();
            }
        }
    }

    /**
     * A live stream on B, open while both nodes appended, and pages read from A: each gives every stored event of the
     * feed exactly once, in order, whichever node committed it.
     */
    private static void theFeedGaveEveryEventOnceInOrderOnEitherNode(JdbcTemplate jdbc, FeedReader liveOnB,
                                                                    ShopClient onA, long feedStart) {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        List<Long> stored = FeedReader.storedPositions(jdbc, feedStart, head);
        await().atMost(Duration.ofSeconds(30)).until(() -> liveOnB.positions().contains(stored.get(stored.size() - 1)));
        liveOnB.close();
        assertThat(liveOnB.positions().stream().filter(position -> position <= head).toList())
                .as("B's live stream").containsExactlyElementsOf(stored);
        List<Long> paged = onA.allPages("/api/feed?after=" + feedStart + "&limit=500", () -> { }).stream()
                .map(event -> event.get("position").asLong()).filter(position -> position <= head).toList();
        assertThat(paged).as("A's pages").containsExactlyElementsOf(stored);
        System.out.printf("TwoNodesIT: the feed gave %d events once and in order, live on B and paged on A%n",
                stored.size());
    }

    /**
     * B remembers a customer's sign-in and has unsealed their data key; the customer erases their account on A. B
     * hears of the commit and forgets both: the customer no longer signs in there and B's audit trail shows the
     * name as erased. (Without the commit notice B would keep the key in memory, and the sign-in for its TTL.)
     *
     * @return the erased customer's id
     */
    private static String anErasureOnOneNodeReachesWhatTheOtherRemembers(ShopClient onA, ShopClient onB) {
        ShopClient.Customer customer = onA.registerCustomer("forgotten-across-nodes");
        ShopClient customerOnB = onB.as(customer);
        String trail = "/api/users/" + customer.userId() + "/events";
        await().atMost(Duration.ofSeconds(10)).until(() -> customerOnB.get(trail).getStatusCode().value() == 200);
        assertThat(customerOnB.get(trail).getBody().get(0).get("payload").get("name").asText())
                .isEqualTo("forgotten-across-nodes");

        assertThat(onA.as(customer).delete("/api/users/" + customer.userId()).getStatusCode().value())
                .isEqualTo(204);
        long erased = System.nanoTime();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                customerOnB.get("/api/users/" + customer.userId()).getStatusCode().value() == 401
                        && onB.get(trail).getBody().get(0).get("payload").get("name").isNull());
        System.out.printf("TwoNodesIT: an erasure on A reached B's remembered sign-in and data key in %d ms%n",
                (System.nanoTime() - erased) / 1_000_000);
        return customer.userId();
    }

    /**
     * A rebuild of users started on A: while it runs, both nodes go on answering every known account with its
     * state or a newer one, both switch to the new generation, and both then read the balances the store holds.
     */
    private static void aRebuildStartedOnOneNodeServesBothAndSwitchesBoth(ShopClient onA, ShopClient onB,
                                                                          List<String> users, JdbcTemplate jdbc)
            throws Exception {
        long before = servingGeneration(onA, "users");
        Map<String, Long> newest = new ConcurrentHashMap<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(readers.submit(() -> {
                for (int i = 0; reading.get(); i++) {
                    onA.post("/api/users/" + users.get(i % users.size()) + "/top-ups", Map.of("amount", 1));
                }
            }));
            for (ShopClient node : List.of(onA, onB)) {
                running.add(readers.submit(() -> {
                    for (int i = 0; reading.get(); i++) {
                        String user = users.get(i % users.size());
                        var answer = node.get("/api/users/" + user);
                        if (answer.getStatusCode().value() != 200) {
                            wrong.add(user + " answered " + answer.getStatusCode().value());
                            continue;
                        }
                        long version = answer.getBody().get("version").asLong();
                        Long seen = newest.merge(node.baseUrl() + user, version, Math::max);
                        if (version < seen) {
                            wrong.add(user + " went back to version " + version + " from " + seen);
                        }
                    }
                }));
            }
            var started = onA.post("/api/admin/projections/users/rebuild", Map.of());
            assertThat(started.getStatusCode().value()).isEqualTo(202);
            long generation = started.getBody().get("rebuild").get("generation").asLong();
            assertThat(generation).isGreaterThan(before);
            await().atMost(Duration.ofSeconds(60)).until(() -> servingGeneration(onA, "users") == generation
                    && servingGeneration(onB, "users") == generation);
            reading.set(false);
            for (Future<?> reader : running) {
                reader.get(30, TimeUnit.SECONDS);
            }
        } finally {
            reading.set(false);
            readers.shutdownNow();
        }
        assertThat(wrong).as("reads on either node during the rebuild").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> lagOf(onA) == 0);
        for (String user : users) {
            long stored = jdbc.queryForObject("""
                    select (convert_from(payload, 'UTF8')::jsonb ->> 'balanceAfter')::bigint from domain_event_entry
                    where aggregate_identifier = ? and convert_from(payload, 'UTF8')::jsonb ->> 'balanceAfter' is not null
                    order by sequence_number desc limit 1""", Long.class, user);
            for (ShopClient node : List.of(onA, onB)) {
                assertThat(node.awaitVersion("/api/users/" + user, 0).get("balance").asLong())
                        .as("%s on %s after the switch", user, node.baseUrl()).isEqualTo(stored);
            }
        }
    }

    private static long servingGeneration(ShopClient node, String projection) {
        return node.get("/api/admin/projections/" + projection).getBody().get("serving").get("generation").asLong();
    }

    /** The processors of the generations that serve reads, and the saga processor. */
    private static List<String> servingProcessors(ShopClient node) {
        List<String> processors = new ArrayList<>();
        for (String projection : PROJECTIONS) {
            processors.add(node.get("/api/admin/projections/" + projection).getBody().get("serving")
                    .get("processor").asText());
        }
        processors.add("OrderSagaProcessor");
        return processors;
    }

    private static boolean everyProcessorIsSharedBy(JdbcTemplate jdbc, List<String> processors, ServiceProcess one,
                                                    ServiceProcess other) {
        return processors.stream().allMatch(p -> owners(jdbc, p).equals(Set.of(one.nodeId(), other.nodeId())));
    }

    /** The nodes holding the processor's segments; "none" for a segment nobody holds. */
    private static Set<String> owners(JdbcTemplate jdbc, String processor) {
        return jdbc.queryForList("select coalesce(owner, 'none') from token_entry where processor_name = ?",
                String.class, processor).stream().collect(Collectors.toSet());
    }

    private static List<Integer> topUpsFromBothNodes(ShopClient onA, ShopClient onB, String user, int count)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> topUps = IntStream.rangeClosed(1, count)
                    .mapToObj(i -> (Callable<Integer>) () -> (i % 2 == 0 ? onA : onB)
                            .post("/api/users/" + user + "/top-ups", Map.of("amount", i)).getStatusCode().value())
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(topUps)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static long ordersWithMoreThanOneSaga(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from (select association_value from association_value_entry
                where association_key = 'orderId' group by association_value having count(distinct saga_id) > 1) d""",
                Long.class);
    }

    private static long lagOf(ShopClient node) {
        long lag = 0;
        for (var processor : node.get("/api/admin/processors").getBody()) {
            lag = Math.max(lag, processor.get("lag").asLong());
        }
        return lag;
    }

    /**
     * Each node times, per processor and event type, the events a processor handled successfully. Summed over
     * both nodes, every count equals the number of such events in the store: none was handled twice, none missed.
     * (The saga processor is left out: a saga handles only the events of the orders it is associated with.)
     */
    private static void everyEventWasHandledOncePerProjection(JdbcTemplate jdbc, ServiceProcess... nodes) {
        Map<String, Double> handled = new HashMap<>();
        for (ServiceProcess node : nodes) {
            Matcher line = HANDLED.matcher(node.client().text("/actuator/prometheus"));
            while (line.find()) {
                if (!line.group(2).equals("OrderSagaProcessor")) {
                    handled.merge(line.group(2) + "/" + line.group(1), Double.parseDouble(line.group(3)), Double::sum);
                }
            }
        }
        handled.values().removeIf(count -> count == 0); // the types a processor has no handler for
        assertThat(handled).containsKeys("users-blue/BalanceToppedUp", "items-blue/StockReserved",
                "orders-blue/OrderPlaced");
        handled.forEach((processorAndType, count) -> {
            String type = processorAndType.substring(processorAndType.indexOf('/') + 1);
            long stored = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?",
                    Long.class, "%." + type);
            assertThat(count.longValue()).as("%s handled, against %s stored", processorAndType, type)
                    .isEqualTo(stored);
        });
    }

    /** Tops up on one node and answers how many milliseconds it took until the other node's view showed it. */
    private static long appendOnAndSeeOn(ShopClient writer, ShopClient reader, String user) {
        long version = writer.post("/api/users/" + user + "/top-ups", Map.of("amount", 1)).getBody()
                .get("version").asLong();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() ->
                reader.get("/api/users/" + user).getBody().get("version").asLong() >= version);
        return (System.nanoTime() - started) / 1_000_000;
    }
}
