package dev.eventshop.platform.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the store looks like on disk: types, sequences, indexes and readable JSON. */
class StorageIntegrationTest extends IntegrationTest {

    @Autowired
    @Qualifier("userCache")
    private Cache userCache;

    private static final List<String> AXON_TABLES = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry");

    @Test
    void noColumnAnywhereUsesOidAndAxonsBinaryColumnsAreBytea() {
        shop.registerUser("ann");

        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'oid'""", String.class);
        List<String> binaryColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'bytea' and table_name = any (?)""",
                String.class, (Object) AXON_TABLES.toArray(String[]::new));

        assertThat(oidColumns).isEmpty();
        assertThat(binaryColumns).contains("domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "token_entry.token", "saga_entry.serialized_saga",
                "dead_letter_entry.payload");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void eventPayloadsAreReadableJson() throws Exception {
        String userId = shop.registerUser("bob");
        shop.topUp(userId, 42);

        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type = ?""",
                String.class, userId, BalanceToppedUp.class.getName());

        JsonNode json = new ObjectMapper().readTree(payload);
        assertThat(json.get("userId").asText()).isEqualTo(userId);
        assertThat(json.get("amount").asLong()).isEqualTo(42);
    }

    @Test
    void trackingTokensAreJsonToo() throws Exception {
        shop.awaitVersion("/api/users/" + shop.registerUser("fay"), 0); // the users processor has stored a token

        String token = jdbc.queryForObject("""
                select convert_from(token, 'UTF8') from token_entry
                where processor_name like 'users-%' and token is not null limit 1""", String.class);

        assertThat(new ObjectMapper().readTree(token).isObject()).isTrue();
    }

    @Test
    void theGlobalIndexIsAllocatedOneAtATime() {
        Long increment = jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class);
        String userId = shop.registerUser("cid");
        shop.topUp(userId, 1);

        assertThat(increment).isEqualTo(1);
        // Hibernate's default pooled allocation would take 50 values ahead of the last event
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select (select last_value from domain_event_entry_seq) "
                        + "= (select max(global_index) from domain_event_entry)",
                Boolean.class));
    }

    @Test
    void theEventTimestampIsIndexed() {
        List<String> indexes = jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'domain_event_entry'", String.class);

        assertThat(indexes).anyMatch(definition -> definition.contains("(time_stamp)"));
    }

    @Test
    void theDatabaseIsDurable() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void usersAreSnapshottedWithARevisionAndStillLoadCorrectly() {
        String userId = shop.registerUser("dee");
        for (int i = 0; i < 7; i++) {
            shop.topUp(userId, 10); // the tests set the snapshot threshold to 5 events
        }

        var snapshot = jdbc.queryForMap(
                "select payload_revision, convert_from(payload, 'UTF8') as json from snapshot_event_entry "
                        + "where aggregate_identifier = ? order by sequence_number desc limit 1", userId);

        assertThat(snapshot.get("payload_revision")).isEqualTo("4");
        assertThat((String) snapshot.get("json")).contains("\"balance\"");
        assertThat(shop.topUp(userId, 10)).isEqualTo(80);
    }

    @Test
    void itemsAreSnapshottedAndStillDecideCorrectly() {
        String itemId = shop.addItem("Pen", 100, 0);
        for (int i = 0; i < 7; i++) {
            shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 1));
        }

        Long snapshots = jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, itemId);

        assertThat(snapshots).isPositive();
        assertThat(shop.post("/api/items/" + itemId + "/restock", Map.of("quantity", 1)).getBody().get("stock").asInt())
                .isEqualTo(8);
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnoredAndTheUserRebuiltFromEvents() {
        String userId = shop.registerUser("eve");
        shop.topUp(userId, 30);
        // a snapshot that an older shape of User wrote (revision 2, which remembered its orders), wrong for today's
        // User: loaded, it would give the balance 999 (as it does with -Dtest.snapshot-revision=3, today's revision)
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                values (?, 1, 'User', ?, 'dev.eventshop.user.User', ?, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'),
                    ?)""",
                userId, UUID.randomUUID().toString(), System.getProperty("test.snapshot-revision", "2"), """
                {"userId":"%s","name":"eve","email":"eve@example.com","balance":999,"debitsByOrder":{},
                 "decidedOrders":[]}""".formatted(userId), Instant.now().toString());
        userCache.removeAll(); // so that the next command loads the user from the store

        assertThat(shop.topUp(userId, 5)).isEqualTo(35);
    }
}
