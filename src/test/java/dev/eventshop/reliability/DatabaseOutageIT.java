package dev.eventshop.reliability;

import dev.eventshop.support.ExternalPostgres;
import dev.eventshop.support.MixedLoad;
import dev.eventshop.support.ServiceProcess;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped for ten seconds under load: clients get a fast 503 problem (no hanging requests), health
 * says DOWN, and once the database is back the same process serves again, its processors go on and nothing
 * acknowledged is lost.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Map<String, String> SETTINGS = Map.of("eventshop.order.timeout", "15s");

    record Answer(int status, String contentType, long millis, String type) {
    }

    @Test
    void anOutageGivesFast503sAndTheServiceRecoversWithoutARestart() {
        try (ExternalPostgres database = new ExternalPostgres("outage").start();
             ServiceProcess node = ServiceProcess.on("outage", database.jdbcUrl(), SETTINGS).start()) {
            ShopClient shop = node.client();
            List<String> users = Fixtures.richUsers(shop, 5);
            List<String> items = Fixtures.stockedItems(shop, 3);
            MixedLoad load = new MixedLoad(List.of(shop), users, items).start(4);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged() >= 60);

            database.stop();
            List<Answer> duringOutage = new ArrayList<>();
            List<Integer> health = new ArrayList<>();
            long outageStarted = System.nanoTime();
            while (System.nanoTime() - outageStarted < OUTAGE.toNanos()) {
                long started = System.nanoTime();
                var answer = shop.post("/api/users/" + users.get(0) + "/top-ups", Map.of("amount", 1));
                duringOutage.add(new Answer(answer.getStatusCode().value(),
                        String.valueOf(answer.getHeaders().getContentType()),
                        (System.nanoTime() - started) / 1_000_000,
                        answer.getBody() == null ? null : answer.getBody().path("type").asText()));
                health.add(shop.get("/actuator/health").getStatusCode().value());
            }
            database.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> shop.post("/api/users/" + users.get(0)
                    + "/top-ups", Map.of("amount", 1)).getStatusCode().value() == 200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> shop.get("/actuator/health").getStatusCode().value() == 200);
            load.stop();

            assertThat(duringOutage).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                assertThat(answer.type()).isEqualTo("/problems/database-unavailable");
                assertThat(answer.millis()).as("answered without hanging").isLessThan(5_000);
            });
            assertThat(health).as("health during the outage").contains(503);
            assertThat(load.statuses()).as("answers under load, outage included").doesNotContainKey(500);

            JdbcTemplate jdbc = database.jdbc();
            StoreInvariants invariants = new StoreInvariants(jdbc);
            await().atMost(Duration.ofSeconds(120)).until(() -> invariants.pendingOrders() == 0
                    && invariants.activeSagas() == 0 && caughtUp(shop));
            Fixtures.everyAcknowledgedCommandIsStored(load, jdbc);
            invariants.allHold();
        }
    }

    private static boolean caughtUp(ShopClient shop) {
        for (var processor : shop.get("/api/admin/processors").getBody()) {
            if (processor.get("lag").asLong() > 0 || processor.get("error").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
