package dev.eventshop.platform;

import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view is derived from events: rebuilt from the start of the store, it comes out the same. */
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
                processing.eventProcessor(processorName, TrackingEventProcessor.class).orElseThrow(), jdbc);
        List<Map<String, Object>> before = jdbc.queryForList(viewQuery);
        jdbc.update(tampering); // only a real rebuild from the events can undo this
        assertThat(jdbc.queryForList(viewQuery)).isNotEqualTo(before);

        Replays.replayFromStart(processing, processorName, jdbc);

        assertThat(jdbc.queryForList(viewQuery)).isEqualTo(before).isNotEmpty();
    }
}
