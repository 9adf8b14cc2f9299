package dev.eventshop.reliability;

import dev.eventshop.support.ExternalPostgres;
import dev.eventshop.support.MixedLoad;
import dev.eventshop.support.ServiceProcess;
import dev.eventshop.support.ShopClient;
import dev.eventshop.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service, killed with SIGKILL in the middle of a mixed load and started again on the same data:
 * nothing it acknowledged is lost, every order ends, no saga is left half done, and the invariants hold.
 */
class CrashIT {

    private static final Map<String, String> SETTINGS = Map.of("eventshop.order.timeout", "15s");

    @Test
    void aKillMidLoadLosesNothingAcknowledgedAndEveryOrderEndsAfterTheRestart() {
        try (ExternalPostgres database = new ExternalPostgres("crash").start();
             ServiceProcess first = ServiceProcess.on("crash-before", database.jdbcUrl(), SETTINGS).start()) {
            ShopClient shop = first.client();
            List<String> users = Fixtures.richUsers(shop, 10);
            List<String> items = Fixtures.stockedItems(shop, 5);
            MixedLoad load = new MixedLoad(List.of(shop), users, items).start(8);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged() >= 200);

            first.kill();
            load.stop();

            try (ServiceProcess second = ServiceProcess.on("crash-after", database.jdbcUrl(), SETTINGS).start()) {
                JdbcTemplate jdbc = database.jdbc();
                StoreInvariants invariants = new StoreInvariants(jdbc);
                Fixtures.everyAcknowledgedCommandIsStored(load, jdbc);
                await().atMost(Duration.ofSeconds(90)).until(() -> invariants.pendingOrders() == 0
                        && invariants.activeSagas() == 0);
                invariants.allHold();
                assertThat(load.serverErrors()).as("5xx answers before the kill").isZero();
                for (String user : users) {
                    long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                            + " where aggregate_identifier = ?", Long.class, user);
                    long stored = jdbc.queryForObject("""
                            select (convert_from(payload, 'UTF8')::jsonb ->> 'balanceAfter')::bigint
                            from domain_event_entry where aggregate_identifier = ?
                            and payload_type like 'dev.eventshop.user.api.Balance%' and payload_type not like '%Rejected'
                            order by sequence_number desc limit 1""", Long.class, user);
                    assertThat(second.client().awaitVersion("/api/users/" + user, last).get("balance").asLong())
                            .as("the view of %s after the restart", user).isEqualTo(stored);
                }
            }
        }
    }
}
