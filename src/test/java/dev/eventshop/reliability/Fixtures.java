package dev.eventshop.reliability;

import dev.eventshop.support.MixedLoad;
import dev.eventshop.support.ShopClient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Users with money and items in stock for a load, and the check that whatever the load was told was kept. */
final class Fixtures {

    private Fixtures() {
    }

    static List<String> richUsers(ShopClient shop, int count) {
        List<String> users = IntStream.range(0, count).mapToObj(i -> shop.registerUser("load-" + i)).toList();
        users.forEach(user -> shop.topUp(user, 10_000_000));
        return users;
    }

    static List<String> stockedItems(ShopClient shop, int count) {
        return IntStream.range(0, count).mapToObj(i -> shop.addItem("Load item " + i, 100 + 50L * i, 40)).toList();
    }

    /** Every command that got a 2xx is in the store. */
    static void everyAcknowledgedCommandIsStored(MixedLoad load, JdbcTemplate jdbc) {
        for (String order : load.orders()) {
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                    + " and payload_type = 'dev.eventshop.order.api.OrderPlaced'", Long.class, order))
                    .as("acknowledged order %s", order).isOne();
        }
        for (MixedLoad.TopUp topUp : load.topUps()) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where aggregate_identifier = ?
                    and payload_type = 'dev.eventshop.user.api.BalanceToppedUp'
                    and (convert_from(payload, 'UTF8')::jsonb ->> 'amount')::bigint = ?""",
                    Long.class, topUp.userId(), topUp.amount())).as("acknowledged %s", topUp).isOne();
        }
        load.restocks().stream().map(MixedLoad.Restock::itemId).distinct().forEach(item -> {
            long acknowledged = load.restocks().stream().filter(r -> r.itemId().equals(item)).count();
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                    + " and payload_type = 'dev.eventshop.item.api.ItemRestocked'", Long.class, item))
                    .as("restocks of %s", item).isGreaterThanOrEqualTo(acknowledged);
        });
    }
}
