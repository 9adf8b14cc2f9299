package dev.eventshop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import bench.crudtwin.CrudTwinApplication;
import dev.eventshop.support.EventSeeder;
import dev.eventshop.support.ExternalPostgres;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ServiceProcess;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every figure of BENCHMARKS.md in one run, on one PostgreSQL (fsync on), so that the ratios compare like with
 * like on a noisy machine: {@code ./mvnw -Pbench verify}. Prints the report and writes it to
 * {@code target/bench/report.md}. Not part of the normal test run.
 */
class EventShopBenchmark {

    private static final int CLIENTS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.measure-seconds", 10));
    private static final int REPLAY_EVENTS = Integer.getInteger("bench.replay-events", 1_000_000);
    /** (e): the steady load of top-ups the rebuild runs beside. */
    private static final int TOP_UPS_PER_SECOND = Integer.getInteger("bench.rebuild-top-ups", 100);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** (h): top-ups and reads on the two nodes before the 50 that are measured. */
    private static final int WARM_UP_ROUNDS_H = Integer.getInteger("bench.cross-node-warmup", 200);
    private static final String ADMIN = HttpLoad.basic("admin", ShopClient.ADMIN_PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** -Dbench.only=b,c runs only those figures (a quick look while tuning); all by default. */
    private static final String ONLY = System.getProperty("bench.only", "abcdefghijklm");
    /** (k): another build's jar to compare this one with, e.g. one built from the commit before an upgrade. */
    private static final String BASELINE_JAR = System.getProperty("bench.baseline-jar", "");

    private final Report report = new Report();

    @Test
    void measureEverything() throws Exception {
        report.machine();
        try (ExternalPostgres database = new ExternalPostgres("bench").start()) {
            JdbcTemplate jdbc = database.jdbc();
            jdbc.execute("create schema bench"); // beside the service's schema, which Flyway wants to itself
            double limit = ONLY.contains("a") ? rawInserts(database) : Double.NaN;
            try (ServiceProcess shop = ServiceProcess.on("bench-eventshop", database.jdbcUrl(), Map.of(
                    // every order's deadline fires once, 30 s after it was placed; a longer timeout moves that work
                    // out of (d)'s window (a diagnosis, not a figure to report)
                    "eventshop.order.timeout", System.getProperty("bench.order-timeout", "30s"))).start()) {
                if (ONLY.contains("b") && ONLY.contains("c")) {
                    throughputs(database, jdbc, shop, limit);
                }
                if (ONLY.contains("d")) {
                    orderLatency(shop, jdbc);
                }
                if (ONLY.contains("f")) {
                    aggregateLoading(database, jdbc);
                }
                if (ONLY.contains("l")) {
                    flatCosts(database, jdbc);
                }
                if (ONLY.contains("h")) {
                    crossNode(database, shop, jdbc);
                }
            }
            if (ONLY.contains("k") && !BASELINE_JAR.isBlank()) {
                againstBaseline(database, jdbc, Path.of(BASELINE_JAR));
            }
            if (ONLY.contains("j")) {
                handlerTimeouts(database, jdbc);
            }
            if (ONLY.contains("e")) {
                rebuild(database, jdbc, limit);
            }
            if (ONLY.contains("m")) {
                feed(database, jdbc);
            }
        }
        if (ONLY.contains("g")) {
            startUp();
        }
        report.write(Path.of("target", "bench", "report.md"));
    }

    /** a) The limit: single-row INSERT transactions into a table shaped like the event table. */
    private double rawInserts(ExternalPostgres database) throws Exception {
        JdbcTemplate jdbc = database.jdbc();
        jdbc.execute("""
                create table bench.bench_event (
                    global_index bigint not null primary key, aggregate_identifier varchar(255) not null,
                    sequence_number bigint not null, type varchar(255), event_identifier varchar(255) not null unique,
                    payload_type varchar(255) not null, payload_revision varchar(255), payload bytea not null,
                    meta_data bytea, time_stamp varchar(255) not null, unique (aggregate_identifier, sequence_number))""");
        jdbc.execute("create sequence bench.bench_event_seq");
        byte[] payload = "{\"userId\":\"%s\",\"amount\":100,\"balanceAfter\":1000}".formatted(UUID.randomUUID())
                .getBytes();
        byte[] metaData = "{\"traceId\":\"%s\",\"principal\":\"admin\"}".formatted(UUID.randomUUID()).getBytes();
        AtomicLong completed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            pool.submit(() -> {
                String aggregate = UUID.randomUUID().toString();
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
                     PreparedStatement insert = connection.prepareStatement("""
                             insert into bench.bench_event (global_index, aggregate_identifier, sequence_number, type,
                               event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                             values (nextval('bench.bench_event_seq'), ?, ?, 'User', ?, 'BalanceToppedUp', null, ?, ?, ?)""")) {
                    for (long sequence = 0; running.get(); sequence++) {
                        insert.setString(1, aggregate);
                        insert.setLong(2, sequence);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, payload);
                        insert.setBytes(5, metaData);
                        insert.setString(6, java.time.Instant.now().toString());
                        insert.executeUpdate(); // autocommit: one transaction, one fsync'd commit per row
                        if (measuring.get()) {
                            completed.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(WARM_UP.toMillis()); // the length of the warm-up, not a wait for a condition
        measuring.set(true);
        Thread.sleep(MEASURED.toMillis());
        measuring.set(false);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double perSecond = completed.get() / (MEASURED.toNanos() / 1e9);
        report.figure("a", "raw JDBC single-row INSERT transactions, 32 connections", perSecond, "tx/s");
        return perSecond;
    }

    /**
     * b) the CRUD twin and c) EventShop, top-ups over HTTP at 32 clients, in alternating rounds so that both see
     * the same machine (the median round of each counts), and i) EventShop's peak heap and RSS meanwhile.
     */
    private void throughputs(ExternalPostgres database, JdbcTemplate jdbc, ServiceProcess shop, double limit)
            throws Exception {
        jdbc.execute("create table bench.crud_account (account_id varchar(36) primary key, balance bigint not null,"
                + " version bigint not null)");
        List<String> accounts = IntStream.range(0, CLIENTS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        accounts.forEach(id -> jdbc.update("insert into bench.crud_account values (?, 0, 0)", id));
        ShopClient admin = shop.client();
        List<String> users = IntStream.range(0, CLIENTS).mapToObj(i -> admin.registerUser("bench-" + i)).toList();
        try (ServiceProcess twin = ServiceProcess.mainClass("bench-crud-twin", CrudTwinApplication.class, List.of(
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.jpa.hibernate.ddl-auto=none")).start()) {
            String twinBase = twin.baseUrl() + "/api/accounts/";
            String shopBase = shop.baseUrl() + "/api/users/";
            List<Double> twinRounds = new ArrayList<>();
            List<Double> shopRounds = new ArrayList<>();
            List<HttpLoad.Throughput> twinCpu = new ArrayList<>();
            List<HttpLoad.Throughput> shopCpu = new ArrayList<>();
            MemoryWatch memory = new MemoryWatch(shop);
            // round -1 is not counted: both JVMs have just started, and their first round was always the lowest
            for (int round = -1; round < ROUNDS; round++) {
                HttpLoad.Throughput crud = HttpLoad.closedLoop(CLIENTS, WARM_UP, MEASURED, client ->
                        HttpLoad.post(twinBase + accounts.get(client) + "/top-ups", ADMIN, "{\"amount\":100}"),
                        List.of(twin.process(), database.process()));
                assertThat(crud.failed()).as("failed twin top-ups").isZero();
                if (round >= 0) {
                    twinRounds.add(crud.perSecond());
                    twinCpu.add(crud);
                }
                if (round == ROUNDS - 1) {
                    memory.start();
                }
                HttpLoad.Throughput events = HttpLoad.closedLoop(CLIENTS, WARM_UP, MEASURED, client ->
                        HttpLoad.post(shopBase + users.get(client) + "/top-ups", ADMIN, "{\"amount\":100}"),
                        List.of(shop.process(), database.process()));
                assertThat(events.failed()).as("failed top-ups").isZero();
                if (round >= 0) {
                    shopRounds.add(events.perSecond());
                    shopCpu.add(events);
                }
            }
            memory.stop();
            double crud = median(twinRounds);
            double eventShop = median(shopRounds);
            report.figure("b", "CRUD twin top-ups over HTTP, 32 clients, median of %s".formatted(rounded(twinRounds)),
                    crud, "req/s");
            report.figure("c", "EventShop top-ups over HTTP, 32 clients, median of %s".formatted(rounded(shopRounds)),
                    eventShop, "req/s");
            report.figure("b", "  CPU per top-up: twin JVM, median of rounds", medianCpu(twinCpu, 0), "ms");
            report.figure("b", "  CPU per top-up: PostgreSQL, median of rounds", medianCpu(twinCpu, 1), "ms");
            report.figure("c", "  CPU per top-up: EventShop JVM, median of rounds", medianCpu(shopCpu, 0), "ms");
            report.figure("c", "  CPU per top-up: PostgreSQL, median of rounds", medianCpu(shopCpu, 1), "ms");
            report.ratio("c/a", "EventShop top-ups against raw inserts", eventShop / limit, 0.5);
            report.ratio("c/b", "EventShop top-ups against the CRUD twin", eventShop / crud, 0.8);
            report.target("i", "peak heap used under (c), last round", memory.peakHeapMegabytes(), "MB", 512, true);
            report.figure("i", "peak RSS under (c), last round", memory.peakRssMegabytes(), "MB");
        }
    }

    private static double medianCpu(List<HttpLoad.Throughput> rounds, int process) {
        return median(rounds.stream().map(round -> round.cpuMillisPerRequest(process)).toList());
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    /** d) From an order being placed to the view showing it CONFIRMED, at a fixed open rate of 50 orders/s. */
    private void orderLatency(ServiceProcess shop, JdbcTemplate jdbc) throws Exception {
        Supplier<Long> placeAndAwaitConfirmation = orderPlacer(shop);
        // Not counted: the first orders this JVM sees load and compile the order path (the saga, its deadline, the
        // events' serializers). Without this, they fell into the light run, which came first, as its p99. At 10/s,
        // so that their deadlines, which fire 30 s later during the busy run, add what the light run's add.
        HttpLoad.openLoop(10, WARM_UP, placeAndAwaitConfirmation);
        Instant lightStarted = Instant.now();
        HttpLoad.Latencies light = HttpLoad.openLoop(10, Duration.ofSeconds(15), placeAndAwaitConfirmation);
        Instant busyStarted = Instant.now();
        HttpLoad.Latencies latencies = HttpLoad.openLoop(50, Duration.ofSeconds(20), placeAndAwaitConfirmation);
        Instant busyEnded = Instant.now();
        assertThat(light.failed() + latencies.failed()).as("orders not confirmed").isZero();
        report.figure("d", "the same at 10 orders/s (light load), p50", light.percentileMillis(50), "ms");
        report.figure("d", "  at 10 orders/s, p99", light.percentileMillis(99), "ms");
        sagaHops("10 orders/s", jdbc, lightStarted, busyStarted);
        report.target("d", "order placed to CONFIRMED in the view at 50 orders/s, p50", latencies.percentileMillis(50),
                "ms", 25, true);
        report.figure("d", "  at 50 orders/s, p95", latencies.percentileMillis(95), "ms");
        report.target("d", "  at 50 orders/s, p99", latencies.percentileMillis(99), "ms", 150, true);
        sagaHops("50 orders/s", jdbc, busyStarted, busyEnded);
    }

    /**
     * Where an order's time goes: from its OrderPlaced to each later event of its saga, by the events' own
     * timestamps (the commit of each saga step), p50 and p99 over the orders placed in the window.
     */
    private void sagaHops(String load, JdbcTemplate jdbc, Instant from, Instant to) {
        jdbc.query("""
                with placed as (
                    select convert_from(payload, 'UTF8')::json ->> 'orderId' as order_id, time_stamp::timestamptz as at
                    from domain_event_entry
                    where payload_type like '%.OrderPlaced' and time_stamp::timestamptz between ?::timestamptz and ?::timestamptz),
                hops as (
                    select substring(e.payload_type from '[^.]*$') as step,
                           extract(epoch from e.time_stamp::timestamptz - placed.at) * 1000 as millis
                    from domain_event_entry e join placed
                      on convert_from(e.payload, 'UTF8')::json ->> 'orderId' = placed.order_id
                    where e.payload_type similar to '%.(StockReserved|BalanceDebited|OrderConfirmed)')
                select step, percentile_cont(0.5) within group (order by millis) as p50,
                       percentile_cont(0.99) within group (order by millis) as p99
                from hops group by step order by p50""", (java.sql.ResultSet row) -> {
            report.figure("d", "  at %s, OrderPlaced to %s (event timestamps), p50".formatted(load,
                    row.getString("step")), row.getDouble("p50"), "ms");
            report.figure("d", "    p99", row.getDouble("p99"), "ms");
        }, from.toString(), to.toString());
    }

    /**
     * Places an order for 1 unit of a well-stocked item by one of 20 rich users, and answers the microseconds until
     * {@code GET /api/orders/{id}?minVersion=1} (a subscription query in the service) shows it CONFIRMED.
     */
    private static Supplier<Long> orderPlacer(ServiceProcess shop) {
        ShopClient admin = shop.client();
        List<String> buyers = IntStream.range(0, 20).mapToObj(i -> admin.registerUser("buyer-" + i)).toList();
        buyers.forEach(user -> admin.topUp(user, 1_000_000_000L));
        String item = admin.addItem("Plenty", 1, 1_000_000);
        String orders = shop.baseUrl() + "/api/orders";
        return () -> {
            long started = System.nanoTime();
            String buyer = buyers.get(ThreadLocalRandom.current().nextInt(buyers.size()));
            HttpResponse<String> placed = HttpLoad.send(HttpLoad.post(orders, ADMIN,
                    "{\"userId\":\"%s\",\"lines\":[{\"itemId\":\"%s\",\"quantity\":1}]}".formatted(buyer, item)));
            String orderId = field(placed.body(), "orderId");
            while (true) { // minVersion=1 waits in the service (a subscription query) until the order is decided
                HttpResponse<String> view = HttpLoad.send(HttpLoad.get(orders + "/" + orderId + "?minVersion=1",
                        ADMIN));
                if (view.statusCode() == 200) {
                    if (!"CONFIRMED".equals(field(view.body(), "status"))) {
                        throw new IllegalStateException("not confirmed: " + view.body());
                    }
                    return (System.nanoTime() - started) / 1000;
                }
            }
        };
    }

    /**
     * k) This build against a baseline build ({@code -Dbench.baseline-jar=}), each on a database of its own in the
     * same PostgreSQL, in alternating rounds: top-ups at 32 clients (c), and orders at 10 and at 50 per second (d).
     */
    private void againstBaseline(ExternalPostgres database, JdbcTemplate jdbc, Path baselineJar) throws Exception {
        jdbc.execute("create database this_build");
        jdbc.execute("create database baseline_build");
        String server = database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1);
        try (ServiceProcess current = ServiceProcess.on("bench-this-build", server + "this_build", Map.of()).start();
             ServiceProcess baseline = ServiceProcess.on("bench-baseline-build", baselineJar,
                     server + "baseline_build", Map.of()).start()) {
            List<ServiceProcess> both = List.of(current, baseline);
            List<List<String>> users = both.stream().map(shop -> IntStream.range(0, CLIENTS)
                    .mapToObj(i -> shop.client().registerUser("k-" + i)).toList()).toList();
            List<Supplier<Long>> placers = both.stream().map(EventShopBenchmark::orderPlacer)
                    .toList();
            List<List<Double>> topUpRounds = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<HttpLoad.Throughput>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Long>> light = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Long>> busy = List.of(new ArrayList<>(), new ArrayList<>());
            for (int round = -1; round < ROUNDS; round++) { // round -1 warms both JVMs up and is not counted
                for (int side = 0; side < 2; side++) {
                    HttpLoad.Throughput topUps = topUps(both.get(side), users.get(side), database);
                    HttpLoad.Latencies atTen = HttpLoad.openLoop(10, MEASURED, placers.get(side));
                    HttpLoad.Latencies atFifty = HttpLoad.openLoop(50, MEASURED, placers.get(side));
                    assertThat(atTen.failed() + atFifty.failed()).as("orders not confirmed").isZero();
                    if (round >= 0) {
                        topUpRounds.get(side).add(topUps.perSecond());
                        cpu.get(side).add(topUps);
                        light.get(side).addAll(atTen.micros());
                        busy.get(side).addAll(atFifty.micros());
                    }
                }
            }
            String[] names = {"this build", "baseline"};
            for (int side = 0; side < 2; side++) {
                report.figure("k", "%s: top-ups, 32 clients, median of %s".formatted(names[side],
                        rounded(topUpRounds.get(side))), median(topUpRounds.get(side)), "req/s");
                report.figure("k", "%s:   CPU per top-up, JVM".formatted(names[side]), medianCpu(cpu.get(side), 0), "ms");
                HttpLoad.Latencies lightLatencies = new HttpLoad.Latencies(light.get(side), 0);
                HttpLoad.Latencies busyLatencies = new HttpLoad.Latencies(busy.get(side), 0);
                report.figure("k", "%s: orders at 10/s, p50".formatted(names[side]),
                        lightLatencies.percentileMillis(50), "ms");
                report.figure("k", "%s: orders at 10/s, p99".formatted(names[side]),
                        lightLatencies.percentileMillis(99), "ms");
                report.figure("k", "%s: orders at 50/s, p50".formatted(names[side]),
                        busyLatencies.percentileMillis(50), "ms");
                report.figure("k", "%s: orders at 50/s, p99".formatted(names[side]),
                        busyLatencies.percentileMillis(99), "ms");
            }
            report.figure("k", "this build against the baseline: top-ups",
                    median(topUpRounds.get(0)) / median(topUpRounds.get(1)), "");
            report.figure("k", "this build against the baseline: orders at 50/s, p50",
                    new HttpLoad.Latencies(busy.get(0), 0).percentileMillis(50) / new HttpLoad.Latencies(busy.get(1), 0)
                            .percentileMillis(50), "");
        }
    }

    /**
     * j) Axon's handler timeouts ({@code axon.timeout.enabled}) on against off: two services, each on a database of
     * its own in the same PostgreSQL, top-ups at 32 clients in alternating rounds (the median round of each counts).
     */
    private void handlerTimeouts(ExternalPostgres database, JdbcTemplate jdbc) throws Exception {
        jdbc.execute("create database timeouts_on");
        jdbc.execute("create database timeouts_off");
        String server = database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1);
        try (ServiceProcess on = ServiceProcess.on("bench-timeouts-on", server + "timeouts_on",
                Map.of("axon.timeout.enabled", "true")).start();
             ServiceProcess off = ServiceProcess.on("bench-timeouts-off", server + "timeouts_off",
                     Map.of("axon.timeout.enabled", "false")).start()) {
            List<String> onUsers = IntStream.range(0, CLIENTS).mapToObj(i -> on.client().registerUser("on-" + i))
                    .toList();
            List<String> offUsers = IntStream.range(0, CLIENTS).mapToObj(i -> off.client().registerUser("off-" + i))
                    .toList();
            List<Double> onRounds = new ArrayList<>();
            List<Double> offRounds = new ArrayList<>();
            List<HttpLoad.Throughput> onCpu = new ArrayList<>();
            List<HttpLoad.Throughput> offCpu = new ArrayList<>();
            for (int round = -1; round < ROUNDS; round++) { // round -1 warms both JVMs up and is not counted
                HttpLoad.Throughput withTimeouts = topUps(on, onUsers, database);
                HttpLoad.Throughput without = topUps(off, offUsers, database);
                if (round >= 0) {
                    onRounds.add(withTimeouts.perSecond());
                    onCpu.add(withTimeouts);
                    offRounds.add(without.perSecond());
                    offCpu.add(without);
                }
            }
            report.figure("j", "top-ups, handler timeouts off, median of %s".formatted(rounded(offRounds)),
                    median(offRounds), "req/s");
            report.figure("j", "top-ups, handler timeouts on, median of %s".formatted(rounded(onRounds)),
                    median(onRounds), "req/s");
            report.figure("j", "  CPU per top-up: JVM with timeouts off, median of rounds", medianCpu(offCpu, 0), "ms");
            report.figure("j", "  CPU per top-up: JVM with timeouts on, median of rounds", medianCpu(onCpu, 0), "ms");
            report.figure("j", "timeouts on against off (throughput)", median(onRounds) / median(offRounds), "");
        }
    }

    private static HttpLoad.Throughput topUps(ServiceProcess shop, List<String> users, ExternalPostgres database)
            throws Exception {
        String base = shop.baseUrl() + "/api/users/";
        HttpLoad.Throughput result = HttpLoad.closedLoop(CLIENTS, WARM_UP, MEASURED, client ->
                HttpLoad.post(base + users.get(client) + "/top-ups", ADMIN, "{\"amount\":100}"),
                List.of(shop.process(), database.process()));
        assertThat(result.failed()).as("failed top-ups").isZero();
        return result;
    }

    /**
     * f) Loading an aggregate of 10 and of 10,000 events, with and without snapshots (a top-up's latency), on a node
     * whose aggregate cache is off: with it, only the first command on an aggregate loads it.
     */
    private void aggregateLoading(ExternalPostgres database, JdbcTemplate jdbc) throws Exception {
        try (ServiceProcess shop = ServiceProcess.on("bench-loading", database.jdbcUrl(),
                Map.of("eventshop.aggregate-cache.max-entries", "0")).start()) {
            aggregateLoading(shop, jdbc);
        }
    }

    private void aggregateLoading(ServiceProcess shop, JdbcTemplate jdbc) {
        String small = UUID.randomUUID().toString();
        String large = UUID.randomUUID().toString();
        EventSeeder seeder = new EventSeeder(jdbc);
        seeder.user(small, 10);
        seeder.user(large, 10_000);
        medianTopUpMillis(shop, jdbc, small, true); // warm-up: the first figure measured would pay for the JIT
        double smallNoSnapshot = medianTopUpMillis(shop, jdbc, small, true);
        double largeNoSnapshot = medianTopUpMillis(shop, jdbc, large, true);
        HttpLoad.send(HttpLoad.post(shop.baseUrl() + "/api/users/" + large + "/top-ups", ADMIN, "{\"amount\":1}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, large) > 0);
        double largeSnapshot = medianTopUpMillis(shop, jdbc, large, false);
        report.figure("f", "top-up of a user with 10 events, no snapshot", smallNoSnapshot, "ms");
        report.figure("f", "top-up of a user with 10,000 events, no snapshot", largeNoSnapshot, "ms");
        report.figure("f", "top-up of a user with 10,000 events, with snapshots", largeSnapshot, "ms");
        report.ratio("f", "10,000 events with snapshots against 10 events", largeSnapshot / smallNoSnapshot, 2.0,
                true);
    }

    private double medianTopUpMillis(ServiceProcess shop, JdbcTemplate jdbc, String user, boolean withoutSnapshots) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            if (withoutSnapshots) {
                jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", user);
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = HttpLoad.send(HttpLoad.post(shop.baseUrl() + "/api/users/" + user
                    + "/top-ups", ADMIN, "{\"amount\":1}"));
            micros.add((System.nanoTime() - started) / 1000);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        return new HttpLoad.Latencies(micros, 0).percentileMillis(50);
    }

    /**
     * l) Costs that stay flat as history grows: a command on a customer with many settled orders, the first page
     * of a large catalogue, and time travel into the middle of a long-lived item, each against a small one.
     * Commands load their aggregate from the store every time (no aggregate cache), from its snapshot.
     */
    private void flatCosts(ExternalPostgres database, JdbcTemplate jdbc) throws Exception {
        try (ServiceProcess shop = ServiceProcess.on("bench-flat", database.jdbcUrl(),
                Map.of("eventshop.aggregate-cache.max-entries", "0")).start()) {
            ShopClient admin = shop.client();
            EventSeeder seeder = new EventSeeder(jdbc);

            String few = UUID.randomUUID().toString();
            String many = UUID.randomUUID().toString();
            // 150 top-ups after the orders: past the snapshot threshold for both, so both load from a snapshot
            seeder.userWithSettledOrders(few, 10, 150);
            seeder.userWithSettledOrders(many, 10_000, 150);
            for (String user : List.of(few, many)) {
                HttpLoad.send(HttpLoad.post(shop.baseUrl() + "/api/users/" + user + "/top-ups", ADMIN,
                        "{\"amount\":1}"));
                await().atMost(Duration.ofSeconds(30)).until(() -> snapshotBytes(jdbc, user) > 0);
            }
            for (int i = 0; i < 3; i++) { // warm-up: the first figures measured would pay for the JIT
                medianTopUpMillis(shop, jdbc, few, false);
                medianTopUpMillis(shop, jdbc, many, false);
            }
            List<Double> fewRounds = new ArrayList<>();
            List<Double> manyRounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) { // alternating, so that both see the same machine
                fewRounds.add(medianTopUpMillis(shop, jdbc, few, false));
                manyRounds.add(medianTopUpMillis(shop, jdbc, many, false));
            }
            double fewMillis = median(fewRounds);
            double manyMillis = median(manyRounds);
            long fewBytes = snapshotBytes(jdbc, few);
            long manyBytes = snapshotBytes(jdbc, many);
            report.figure("l", "top-up of a customer with 10 settled orders, p50, median of %s"
                    .formatted(rounded(fewRounds)), fewMillis, "ms");
            report.figure("l", "top-up of a customer with 10,000 settled orders, p50, median of %s"
                    .formatted(rounded(manyRounds)), manyMillis, "ms");
            report.ratio("l", "  10,000 settled orders against 10: top-up latency", manyMillis / fewMillis, 1.2, true);
            report.figure("l", "  snapshot of the customer with 10 / 10,000 settled orders (%d / %d bytes)"
                    .formatted(fewBytes, manyBytes), manyBytes / (double) fewBytes, "");
            report.ratio("l", "  10,000 settled orders against 10: snapshot size", manyBytes / (double) fewBytes,
                    1.5, true);

            seeder.items(100);
            await().atMost(Duration.ofMinutes(2)).until(() -> lag(admin, "items") == 0);
            long smallCatalogue = catalogueSize(jdbc);
            for (int i = 0; i < 3; i++) {
                catalogueFirstPageMillis(shop); // warm-up
            }
            double small = catalogueFirstPageMillis(shop);
            seeder.items(100_000 - (int) smallCatalogue);
            await().atMost(Duration.ofMinutes(10)).until(() -> lag(admin, "items") == 0);
            long largeCatalogue = catalogueSize(jdbc);
            double large = catalogueFirstPageMillis(shop);
            report.figure("l", "first catalogue page (50) of %,d items, p50".formatted(smallCatalogue), small, "ms");
            report.figure("l", "first catalogue page (50) of %,d items, p50".formatted(largeCatalogue), large, "ms");
            report.ratio("l", "  %,d items against %,d".formatted(largeCatalogue, smallCatalogue), large / small,
                    1.5, true);

            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            String young = UUID.randomUUID().toString();
            String old = UUID.randomUUID().toString();
            seeder.itemWithHistory(young, 100, from, 100);
            seeder.itemWithHistory(old, 100_000, from, 100);
            // the middle, 50 events after a snapshot in the long history (the short one has none)
            Instant youngMiddle = from.plusSeconds(50).plusMillis(500);
            Instant oldMiddle = from.plusSeconds(50_050).plusMillis(500);
            for (int i = 0; i < 3; i++) { // warm-up
                asOfMillis(shop, young, youngMiddle);
                asOfMillis(shop, old, oldMiddle);
            }
            List<Double> youngRounds = new ArrayList<>();
            List<Double> oldRounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                youngRounds.add(asOfMillis(shop, young, youngMiddle));
                oldRounds.add(asOfMillis(shop, old, oldMiddle));
            }
            double youngMillis = median(youngRounds);
            double oldMillis = median(oldRounds);
            report.figure("l", "?asOf= the middle of an item with 100 events, p50, median of %s"
                    .formatted(rounded(youngRounds)), youngMillis, "ms");
            report.figure("l", "?asOf= the middle of an item with 100,000 events (a snapshot every 100), p50, "
                    + "median of %s".formatted(rounded(oldRounds)), oldMillis, "ms");
            report.ratio("l", "  100,000 events against 100", oldMillis / youngMillis, 2.0, true);
        }
    }

    private static long snapshotBytes(JdbcTemplate jdbc, String aggregateId) {
        List<Long> sizes = jdbc.queryForList("select octet_length(payload) from snapshot_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1", Long.class, aggregateId);
        return sizes.isEmpty() ? 0 : sizes.get(0);
    }

    private static long catalogueSize(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from item_view where generation = (select max(generation) "
                + "from item_view)", Long.class);
    }

    private static double catalogueFirstPageMillis(ServiceProcess shop) {
        return medianGetMillis(shop.baseUrl() + "/api/items?limit=50", 51);
    }

    private static double asOfMillis(ServiceProcess shop, String item, Instant instant) {
        return medianGetMillis(shop.baseUrl() + "/api/items/" + item + "?asOf=" + instant, 31);
    }

    private static double medianGetMillis(String url, int requests) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = HttpLoad.send(HttpLoad.get(url, ADMIN));
            micros.add((System.nanoTime() - started) / 1000);
            assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
        }
        return new HttpLoad.Latencies(micros, 0).percentileMillis(50);
    }

    /** h) An append on one node to its projection on the other (the projection runs only there). */
    private void crossNode(ExternalPostgres database, ServiceProcess a, JdbcTemplate jdbc) throws Exception {
        try (ServiceProcess b = ServiceProcess.on("bench-node-b", database.jdbcUrl(), Map.of()).start()) {
            ShopClient onA = a.client();
            onA.post("/api/admin/processors/users/stop", Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                    "select distinct coalesce(owner, '') from token_entry where processor_name = 'users'",
                    String.class).equals(List.of(b.nodeId())));
            ShopClient onB = b.client(); // one client, so one kept-alive connection: no handshake in the figure
            String user = onA.registerUser("cross-node");
            List<Long> micros = new ArrayList<>();
            List<Long> readMicros = new ArrayList<>();
            int slowCrossNodeReads = 0;
            for (int i = -WARM_UP_ROUNDS_H; i < 50; i++) { // B has just started: the first rounds warm it up
                long version = onA.post("/api/users/" + user + "/top-ups", Map.of("amount", 1)).getBody()
                        .get("version").asLong();
                long started = System.nanoTime();
                // waits in node B (a subscription query, answered when B's projection commits the version), so
                // the measurement does not load B with reads of its own; a 503 (not there in time) asks again
                while (onB.get("/api/users/" + user + "?minVersion=" + version).getBody().path("version")
                        .asLong(-1) < version) {
                    slowCrossNodeReads += i >= 0 ? 1 : 0;
                }
                long waited = (System.nanoTime() - started) / 1000;
                // the floor: the same read once the version is there, which waits for nothing
                long reading = System.nanoTime();
                onB.get("/api/users/" + user + "?minVersion=" + version);
                if (i >= 0) {
                    micros.add(waited);
                    readMicros.add((System.nanoTime() - reading) / 1000);
                }
            }
            onA.post("/api/admin/processors/users/start", Map.of());
            report.target("h", "append on node A to node B's projection, p50",
                    new HttpLoad.Latencies(micros, 0).percentileMillis(50), "ms", 25, true);
            report.figure("h", "  the same read on B once the version is there (no wait), p50",
                    new HttpLoad.Latencies(readMicros, 0).percentileMillis(50), "ms");
            report.figure("h", "  of 50, reads on B that waited the whole 2 s and were asked again",
                    slowCrossNodeReads, "");
        }
    }

    /**
     * e) Rebuilding the users projection (blue/green) over a million stored events while top-ups keep arriving at
     * 100/s: the rebuild's rate, and what it costs those top-ups against the same load just before.
     */
    private void rebuild(ExternalPostgres database, JdbcTemplate jdbc, double rawInserts) throws Exception {
        int perUser = 10;
        new EventSeeder(jdbc).users(REPLAY_EVENTS / perUser, perUser);
        // every processor of the earlier nodes stands at the head, as if it had handled the seeded events live:
        // only the rebuild below then works through them
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        jdbc.update("""
                update token_entry set owner = null, token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                  token = convert_to('{"index":' || ? || ',"gaps":[]}', 'UTF8')""", head);
        try (ServiceProcess shop = ServiceProcess.on("bench-rebuild", database.jdbcUrl(), Map.of()).start()) {
            ShopClient admin = shop.client();
            await().atMost(Duration.ofMinutes(2)).until(() -> lag(admin, "users") == 0);
            List<String> accounts = IntStream.range(0, CLIENTS).mapToObj(i -> admin.registerUser("rebuild-" + i))
                    .toList();
            AtomicLong next = new AtomicLong();
            Supplier<Long> topUp = () -> {
                String account = accounts.get((int) (next.getAndIncrement() % accounts.size()));
                long started = System.nanoTime();
                HttpResponse<String> answer = HttpLoad.send(HttpLoad.post(shop.baseUrl() + "/api/users/" + account
                        + "/top-ups", ADMIN, "{\"amount\":1}"));
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("top-up answered " + answer.statusCode());
                }
                return (System.nanoTime() - started) / 1000;
            };
            // -Dbench.rebuild-top-ups=0 measures the rebuild alone (a diagnosis, not the figure to report)
            boolean load = TOP_UPS_PER_SECOND > 0;
            HttpLoad.Latencies before = new HttpLoad.Latencies(List.of(), 0);
            if (load) {
                HttpLoad.openLoop(TOP_UPS_PER_SECOND, WARM_UP, topUp);
                before = HttpLoad.openLoop(TOP_UPS_PER_SECOND, MEASURED, topUp);
            }

            long stored = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            CompletableFuture<Void> switched = new CompletableFuture<>();
            ExecutorService loader = Executors.newSingleThreadExecutor();
            Future<HttpLoad.Latencies> during = loader.submit(() -> load
                    ? HttpLoad.openLoop(TOP_UPS_PER_SECOND, switched, topUp) : new HttpLoad.Latencies(List.of(), 0));
            long started = System.nanoTime();
            long generation = admin.post("/api/admin/projections/users/rebuild", Map.of()).getBody()
                    .get("rebuild").get("generation").asLong();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    admin.get("/api/admin/projections/users").getBody().get("serving").get("generation").asLong()
                            == generation);
            double seconds = (System.nanoTime() - started) / 1e9;
            switched.complete(null);
            HttpLoad.Latencies latencies = during.get();
            loader.shutdown();
            assertThat(before.failed() + latencies.failed()).as("failed top-ups").isZero();
            // the view was rebuilt, not just the token moved: every seeded user, with the balance of its last event
            assertThat(jdbc.queryForObject("""
                    select count(*) from user_view where generation = ? and balance = ? and version = ?""",
                    Long.class, generation, 100L * (perUser - 1), perUser - 1L)).isEqualTo(REPLAY_EVENTS / perUser);
            double rate = stored / seconds;
            report.target("e", "blue/green rebuild of users over %,d stored events, %d top-ups/s arriving"
                    .formatted(stored, TOP_UPS_PER_SECOND), rate, "events/s", 40_000, false);
            report.figure("e", "  raw single-row INSERTs of the same run (a), for scale", rawInserts, "tx/s");
            report.figure("e/a", "  rebuild rate against raw inserts", rate / rawInserts, "");
            report.figure("e", "  top-up p50 before the rebuild", before.percentileMillis(50), "ms");
            report.figure("e", "  top-up p50 during it", latencies.percentileMillis(50), "ms");
            report.figure("e", "  top-up p99 before the rebuild", before.percentileMillis(99), "ms");
            report.figure("e", "  top-up p99 during it", latencies.percentileMillis(99), "ms");
            report.figure("e", "  top-ups during it (all answered 2xx)", latencies.micros().size(), "");
        }
    }

    /**
     * g) Start-up to ready, with the embedded PostgreSQL's cluster and binaries already in place: as the README runs
     * the packaged service (with the class-data-sharing archive the build records), and as plain {@code java -jar}.
     */
    private void startUp() {
        Path data = IntegrationTest.newDataDirectory("bench-startup");
        ServiceProcess.embedded("bench-startup-first", data).start().terminate();
        List<Long> plain = new ArrayList<>();
        List<Long> shared = new ArrayList<>();
        for (int run = 0; run < 3; run++) { // alternating, so that both see the same machine
            plain.add(startMillis(ServiceProcess.embedded("bench-startup-" + run, data)));
            shared.add(startMillis(ServiceProcess.embeddedWithClassDataSharing("bench-startup-cds-" + run, data)));
        }
        report.target("g", "start-up to healthy, embedded PostgreSQL, class-data-sharing archive, median of 3 (%s ms)"
                .formatted(shared), medianMillis(shared) / 1000.0, "s", 8, true);
        report.figure("g", "  the same from plain java -jar, median of 3 (%s ms)".formatted(plain),
                medianMillis(plain) / 1000.0, "s");
    }

    private static long startMillis(ServiceProcess node) {
        long started = System.nanoTime();
        node.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        node.terminate();
        return millis;
    }

    private static long medianMillis(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /**
     * m) The event feed: catching up over a million stored feed events through HTTP pages of 1,000, beside a
     * blue/green rebuild of the items projection over the same events in the same run; then how long a live
     * stream takes from an event's time (taken before its commit) to its arrival, for restocks at 100/s on node A,
     * on a stream from A and on one from B.
     */
    private void feed(ExternalPostgres database, JdbcTemplate jdbc) throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        new EventSeeder(jdbc).items(REPLAY_EVENTS);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        jdbc.update("""
                update token_entry set owner = null, token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                  token = convert_to('{"index":' || ? || ',"gaps":[]}', 'UTF8')""", head);
        try (ServiceProcess a = ServiceProcess.on("bench-feed-a", database.jdbcUrl(), Map.of()).start();
             ServiceProcess b = ServiceProcess.on("bench-feed-b", database.jdbcUrl(), Map.of()).start()) {
            long read = 0;
            long started = System.nanoTime();
            for (long after = before; after < head; ) {
                HttpResponse<String> page = HttpLoad.send(HttpLoad.get(a.baseUrl() + "/api/feed?after=" + after
                        + "&limit=1000", ADMIN));
                com.fasterxml.jackson.databind.JsonNode events = JSON.readTree(page.body());
                if (events.isEmpty()) {
                    break;
                }
                read += events.size();
                after = events.get(events.size() - 1).get("position").asLong();
            }
            double catchUp = read / ((System.nanoTime() - started) / 1e9);
            ShopClient admin = a.client();
            long rebuildStarted = System.nanoTime();
            long generation = admin.post("/api/admin/projections/items/rebuild", Map.of()).getBody()
                    .get("rebuild").get("generation").asLong();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    admin.get("/api/admin/projections/items").getBody().get("serving").get("generation").asLong()
                            == generation);
            double replay = head / ((System.nanoTime() - rebuildStarted) / 1e9);
            report.figure("m", "feed catch-up over %,d events, pages of 1,000".formatted(read), catchUp, "events/s");
            report.figure("m", "  a rebuild of items over the same store, same run", replay, "events/s");
            report.figure("m", "  catch-up against the rebuild", catchUp / replay, "");

            // restocks spread over items, as top-ups over customers: one hot aggregate would measure its lock instead
            List<String> liveItems = IntStream.range(0, CLIENTS).mapToObj(i -> admin.addItem("live-feed-" + i, 1, 1))
                    .toList();
            AtomicLong nextItem = new AtomicLong();
            List<Long> sameNode = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Long> otherNode = new java.util.concurrent.CopyOnWriteArrayList<>();
            long from = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            try (var onA = liveLatencies(a, from, liveItems, sameNode);
                 var onB = liveLatencies(b, from, liveItems, otherNode)) {
                HttpLoad.Latencies restocks = HttpLoad.openLoop(TOP_UPS_PER_SECOND, WARM_UP.plus(MEASURED), () -> {
                    long sent = System.nanoTime();
                    String item = liveItems.get((int) (nextItem.getAndIncrement() % liveItems.size()));
                    HttpResponse<String> answer = HttpLoad.send(HttpLoad.post(a.baseUrl() + "/api/items/" + item
                            + "/restock", ADMIN, "{\"quantity\":1}"));
                    if (answer.statusCode() / 100 != 2) {
                        throw new IllegalStateException("restock answered " + answer.statusCode());
                    }
                    return (System.nanoTime() - sent) / 1000;
                });
                int expected = restocks.micros().size();
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> sameNode.size() >= expected
                            && otherNode.size() >= expected);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new IllegalStateException("of %d restocks, the stream on A saw %d and the one on B %d"
                            .formatted(expected, sameNode.size(), otherNode.size()), e);
                }
            }
            int warmUp = (int) (TOP_UPS_PER_SECOND * WARM_UP.toSeconds());
            for (var stream : List.of(Map.entry("same node", sameNode), Map.entry("other node", otherNode))) {
                HttpLoad.Latencies latencies = new HttpLoad.Latencies(
                        stream.getValue().subList(Math.min(warmUp, stream.getValue().size()), stream.getValue().size()),
                        0);
                report.figure("m", "live stream at %d restocks/s, event time to arrival, %s, p50"
                        .formatted(TOP_UPS_PER_SECOND, stream.getKey()), latencies.percentileMillis(50), "ms");
                report.figure("m", "    p99", latencies.percentileMillis(99), "ms");
            }
        }
    }

    /** A live stream of the node's feed; each restock of the items that arrives adds its latency, in microseconds. */
    private static AutoCloseable liveLatencies(ServiceProcess node, long after, List<String> items, List<Long> micros)
            throws Exception {
        var stream = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(node.baseUrl() + "/api/feed")).header("Accept", "text/event-stream")
                        .header("Last-Event-ID", String.valueOf(after)).header("Authorization", ADMIN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            java.time.Instant arrived = java.time.Instant.now();
            try {
                com.fasterxml.jackson.databind.JsonNode event = JSON.readTree(line.substring(5));
                if (items.contains(event.path("subject").asText())
                        && "dev.eventshop.item.stock-changed.v1".equals(event.path("type").asText())) {
                    micros.add(Duration.between(java.time.Instant.parse(event.get("time").asText()), arrived)
                            .toNanos() / 1000);
                }
            } catch (IOException e) {
                throw new IllegalStateException(line, e);
            }
        }), "feed-latency-" + node.nodeId());
        reader.setDaemon(true);
        reader.start();
        return () -> stream.body().close();
    }

    private static long lag(ShopClient admin, String processor) {
        return admin.get("/api/admin/processors/" + processor).getBody().get("lag").asLong();
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    /** Reports the largest heap in use and the largest resident set of the service, sampled every 250 ms. */
    private static final class MemoryWatch {

        private final ServiceProcess service;
        private final ExecutorService sampler = Executors.newSingleThreadExecutor();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile double heapBytes;
        private volatile double rssKilobytes;

        MemoryWatch(ServiceProcess service) {
            this.service = service;
        }

        MemoryWatch start() {
            ShopClient admin = service.client();
            sampler.submit(() -> {
                while (running.get()) {
                    JsonNode heap = admin.get("/actuator/metrics/jvm.memory.used?tag=area:heap").getBody();
                    heapBytes = Math.max(heapBytes, heap.get("measurements").get(0).get("value").asDouble());
                    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(service.pid()),
                            "status"))) {
                        if (line.startsWith("VmRSS:")) {
                            rssKilobytes = Math.max(rssKilobytes, Double.parseDouble(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(250); // the sampling period
                }
                return null;
            });
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }

        double peakHeapMegabytes() {
            return heapBytes / (1024 * 1024);
        }

        double peakRssMegabytes() {
            return rssKilobytes / 1024;
        }
    }
}
