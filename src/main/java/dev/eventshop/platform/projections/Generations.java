package dev.eventshop.platform.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The table {@code projection_generation}: which generations of each projection exist, and their state. */
@Component
class Generations {

    private static final RowMapper<Generation> ROW = (row, i) -> new Generation(row.getString("projection"),
            row.getLong("generation"), row.getInt("version"), row.getString("slot"),
            ProjectionSlot.processorName(row.getString("projection"), row.getString("slot")),
            GenerationState.valueOf(row.getString("state")), row.getObject("start_index", Long.class),
            instant(row.getTimestamp("replay_from")), instant(row.getTimestamp("created_at")),
            instant(row.getTimestamp("live_at")), instant(row.getTimestamp("retired_at")));

    private final JdbcTemplate jdbc;

    Generations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Generation> all() {
        return jdbc.query("select * from projection_generation order by projection, generation", ROW);
    }

    List<Generation> of(String projection) {
        return jdbc.query("select * from projection_generation where projection = ? order by generation", ROW,
                projection);
    }

    Optional<Generation> find(String projection, long generation) {
        return jdbc.query("select * from projection_generation where projection = ? and generation = ?", ROW,
                projection, generation).stream().findFirst();
    }

    Optional<Generation> inSlot(String projection, String slot) {
        return jdbc.query("select * from projection_generation where projection = ? and slot = ?", ROW,
                projection, slot).stream().findFirst();
    }

    /** The generation that readers whose code has this version of the projection read, by the database's rule. */
    Optional<Long> servingFor(String projection, int version) {
        return Optional.ofNullable(jdbc.queryForObject("select serving_generation(?, ?)", Long.class,
                projection, version));
    }

    /** Serialises the changes to one projection's generations across nodes, until the transaction ends. */
    void lock(String projection) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class,
                "projection_generation:" + projection);
    }

    long next(String projection) {
        Long max = jdbc.queryForObject("select max(generation) from projection_generation where projection = ?",
                Long.class, projection);
        return max == null ? 1 : max + 1;
    }

    void insertBuilding(String projection, long generation, int version, String slot, Long startIndex,
                        Instant replayFrom) {
        jdbc.update("""
                insert into projection_generation (projection, generation, version, slot, state, start_index,
                  replay_from) values (?, ?, ?, ?, 'BUILDING', ?, ?)""",
                projection, generation, version, slot, startIndex,
                replayFrom == null ? null : Timestamp.from(replayFrom));
    }

    void goLive(String projection, long generation) {
        jdbc.update("update projection_generation set state = 'LIVE', live_at = now() "
                + "where projection = ? and generation = ?", projection, generation);
    }

    /** Retires the live generations of this version other than the given one: it replaces them. */
    int retireReplaced(String projection, int version, long replacement) {
        return jdbc.update("""
                update projection_generation set state = 'RETIRED', retired_at = now()
                where projection = ? and version = ? and state = 'LIVE' and generation <> ?""",
                projection, version, replacement);
    }

    void retire(String projection, long generation) {
        jdbc.update("update projection_generation set state = 'RETIRED', retired_at = now() "
                + "where projection = ? and generation = ? and state <> 'RETIRED'", projection, generation);
    }

    void delete(String projection, long generation) {
        jdbc.update("delete from projection_generation where projection = ? and generation = ?",
                projection, generation);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
