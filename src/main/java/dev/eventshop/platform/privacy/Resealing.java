package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-off re-keying of what was stored before personal data was sealed: events, snapshots and dead letters
 * whose personal fields are in clear get them sealed with the person's data key (made now if they have none), or
 * set to null when the person is erased; fields a class has retired (a password hash) are removed. Each stored
 * object reads exactly as before, except that nothing of an erased person can be read any more.
 *
 * <p>It rewrites stored payloads in place, a batch per transaction, while the service runs: that is the one
 * exception to an append-only store, and it changes what an object says in no way a reader can see. Running it
 * again finds nothing more to do. It cannot reach copies outside the database's live tables: backups, WAL
 * archives, replicas, and old row versions until VACUUM reclaims them.
 */
public class Resealing {

    /** What one table held and what was rewritten. */
    public record Table(@Schema(description = "rows of types that hold personal data") long scanned,
                        @Schema(description = "rows rewritten") long rewritten) {
    }

    /** What a run did, per table. */
    public record Report(Table events, Table snapshots, Table deadLetters) {
    }

    /**
     * A table of stored objects and the indexed, unique column that pages through its rows.
     *
     * @param keyType the column's SQL type
     * @param first   a value below every key
     */
    private record Stored(String table, String key, String keyType, String first) {
    }

    private static final Stored EVENTS = new Stored("domain_event_entry", "global_index", "bigint", "-1");
    private static final Stored SNAPSHOTS = new Stored("snapshot_event_entry", "event_identifier", "text", "");
    private static final Stored DEAD_LETTERS = new Stored("dead_letter_entry", "dead_letter_id", "text", "");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataProtection protection;
    private final ObjectMapper json;
    private final int batchSize;

    Resealing(JdbcTemplate jdbc, TransactionTemplate transactions, PersonalDataProtection protection,
              ObjectMapper json, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.protection = protection;
        this.json = json;
        this.batchSize = batchSize;
    }

    public Report run() {
        return new Report(run(EVENTS), run(SNAPSHOTS), run(DEAD_LETTERS));
    }

    private Table run(Stored stored) {
        List<String> types = typesHoldingPersonalData(stored);
        long scanned = 0;
        long rewritten = 0;
        String after = stored.first();
        while (!types.isEmpty()) {
            String from = after;
            Batch batch = transactions.execute(status -> batch(stored, types, from));
            if (batch == null || batch.rows() == 0) {
                break;
            }
            scanned += batch.rows();
            rewritten += batch.rewritten();
            after = batch.last();
        }
        return new Table(scanned, rewritten);
    }

    private record Batch(int rows, int rewritten, String last) {
    }

    private Batch batch(Stored stored, List<String> types, String after) {
        List<Object[]> rows = jdbc.query("""
                        select %1$s::text, payload_type, convert_from(payload, 'UTF8') from %2$s
                        where payload_type = any (?) and %1$s > cast(? as %3$s) order by %1$s limit ? for update"""
                        .formatted(stored.key(), stored.table(), stored.keyType()),
                (row, i) -> new Object[] {row.getString(1), row.getString(2), row.getString(3)},
                types.toArray(String[]::new), after, batchSize);
        int rewritten = 0;
        for (Object[] row : rows) {
            String resealed = resealed((String) row[1], (String) row[2]);
            if (resealed != null) {
                rewritten += jdbc.update("update %s set payload = ? where %s = cast(? as %s)".formatted(
                        stored.table(), stored.key(), stored.keyType()), resealed.getBytes(StandardCharsets.UTF_8),
                        row[0]);
            }
        }
        return new Batch(rows.size(), rewritten, rows.isEmpty() ? after : (String) rows.get(rows.size() - 1)[0]);
    }

    /** The payload brought up to date, or null when it needs nothing. */
    private String resealed(String payloadType, String payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node instanceof ObjectNode object && protection.reseal(typeOf(payloadType), object)
                    ? object.toString() : null;
        } catch (com.fasterxml.jackson.core.JacksonException notJson) {
            return null; // not written by this service's serializers: left as it is
        }
    }

    private List<String> typesHoldingPersonalData(Stored stored) {
        List<String> types = new ArrayList<>();
        for (String type : jdbc.queryForList("select distinct payload_type from " + stored.table(), String.class)) {
            Class<?> known = typeOf(type);
            if (known != null && PersonalDataProtection.holdsPersonalData(known)) {
                types.add(type);
            }
        }
        return types;
    }

    private static Class<?> typeOf(String name) {
        try {
            return ClassUtils.forName(name, Resealing.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError unknown) {
            return null;
        }
    }
}
