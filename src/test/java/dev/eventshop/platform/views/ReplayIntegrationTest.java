package dev.eventshop.platform.views;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Every view is derived from events: rebuilt from the start of the store, it comes out the same, also when
 * commands keep arriving during the rebuild.
 */
class ReplayIntegrationTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "users  | select * from user_view order by user_id | update user_view set balance = balance + 1",
            "items  | select * from item_view order by item_id | update item_view set stock = stock + 1",
            "orders | select v.*, l.line_no, l.item_id, l.quantity, l.unit_price from order_view v "
                    + "join order_view_line l using (order_id) order by order_id, line_no "
                    + "| update order_view set total = coalesce(total, 0) + 1"})
    void aReplayRebuildsTheSameView(String processorName, String viewQuery, String tampering) {
        String user = shop.registerUser("replay");
        shop.topUp(user, 500);
        String item = shop.addItem("Replayed", 100, 3);
        shop.awaitTerminal(shop.placeOrder(user, Map.of(item, 2)));
        Replays.awaitCaughtUp(
                processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow(), jdbc);
        List<Map<String, Object>> before = jdbc.queryForList(viewQuery);
        jdbc.update(tampering); // only a real rebuild from the events can undo this
        assertThat(jdbc.queryForList(viewQuery)).isNotEqualTo(before);

        Replays.replayFromStart(processing, processorName, jdbc);

        assertThat(jdbc.queryForList(viewQuery)).isEqualTo(before).isNotEmpty();
    }

    @Test
    void aReplayStartedWhileTopUpsKeepArrivingEndsWithEveryBalanceRight() throws Exception {
        List<String> users = IntStream.range(0, 4).mapToObj(i -> shop.registerUser("busy-" + i)).toList();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong accepted = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> load = IntStream.range(0, 2).mapToObj(client -> clients.submit(() -> {
            for (int i = client; loading.get(); i += 2) {
                shop.topUp(users.get(i % users.size()), 1 + i % 7);
                accepted.incrementAndGet();
            }
        })).collect(Collectors.toList());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 20);
            users.forEach(user -> jdbc.update("update user_view set balance = -1 where user_id = ?", user));

            var replay = shop.post("/api/admin/processors/users/replay", Map.of());
            assertThat(replay.getStatusCode().value()).isEqualTo(202);
            long acceptedAtReset = accepted.get();

            List<Double> progress = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var status = shop.get("/api/admin/processors/users").getBody();
                progress.add(status.get("replayProgress").asDouble());
                return !status.get("replaying").asBoolean() && accepted.get() > acceptedAtReset + 20;
            });
            assertThat(progress).last().isEqualTo(1.0);
        } finally {
            loading.set(false);
            for (Future<?> client : load) {
                client.get(30, TimeUnit.SECONDS); // rethrows a failed top-up
            }
            clients.shutdown();
        }

        Replays.awaitCaughtUp(processing.eventProcessor("users", StreamingEventProcessor.class).orElseThrow(), jdbc);
        for (String user : users) {
            long stored = store.sum(user, BalanceToppedUp.class, "amount");
            assertThat(stored).isPositive();
            assertThat(jdbc.queryForObject("select balance from user_view where user_id = ?", Long.class, user))
                    .as("balance of %s in the view", user).isEqualTo(stored);
        }
    }
}
