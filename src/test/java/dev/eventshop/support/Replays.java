package dev.eventshop.support;

import dev.eventshop.platform.projections.ProjectionStatus;
import dev.eventshop.platform.projections.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/** Rebuilds a projection as an operator's replay would, and waits for its processors. */
public final class Replays {

    private Replays() {
    }

    /** Rebuilds a projection from the start of the store and waits until the new generation serves reads. */
    public static long rebuildFromStart(Projections projections, String projection) {
        awaitFreeSlot(projections, projection);
        ProjectionStatus started = projections.rebuild(projection, null);
        long generation = started.rebuild().generation();
        awaitServing(projections, projection, generation);
        return generation;
    }

    /** Until the generation an earlier rebuild replaced has been dropped, so that a slot is free again. */
    public static void awaitFreeSlot(Projections projections, String projection) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                projections.one(projection).orElseThrow().generations().size() < 2);
    }

    public static void awaitServing(Projections projections, String projection, long generation) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ProjectionStatus status = projections.one(projection).orElseThrow();
            return status.serving() != null && status.serving().generation() == generation;
        });
    }

    /**
     * Runs the body while another connection holds the serving generation's token rows locked, the way a long
     * batch of its processor would: a rebuild meanwhile cannot switch, however quickly it catches up.
     */
    public static <T> T withSwitchHeldBack(JdbcTemplate jdbc, Projections projections, String projection,
                                           Supplier<T> body) throws SQLException {
        String serving = projections.one(projection).orElseThrow().serving().processor();
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement(
                    "select segment from token_entry where processor_name = ? for update")) {
                lock.setString(1, serving);
                lock.executeQuery().close();
                return body.get();
            } finally {
                holder.rollback();
            }
        }
    }

    /** The processor of the generation that serves this node's readers of the projection. */
    public static StreamingEventProcessor servingProcessor(Projections projections,
                                                           EventProcessingConfiguration processing,
                                                           String projection) {
        String name = projections.one(projection).orElseThrow().serving().processor();
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** Waits until the processor serving the projection has handled the newest event in the store. */
    public static void awaitCaughtUp(Projections projections, EventProcessingConfiguration processing,
                                     String projection, JdbcTemplate jdbc) {
        awaitCaughtUp(servingProcessor(projections, processing, projection), jdbc);
    }

    /**
     * Waits until the processor has handled the newest event in the store. (A replay reports itself as
     * replaying until an event newer than the reset point arrives, so "not replaying" is no signal here.)
     */
    public static void awaitCaughtUp(StreamingEventProcessor processor, JdbcTemplate jdbc) {
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    /** Waits until every segment of the processor serving the projection has stored a token at the head. */
    public static void awaitStoredTokensAtHead(Projections projections, String projection, JdbcTemplate jdbc) {
        String processor = projections.one(projection).orElseThrow().serving().processor();
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> slowestStoredPosition(jdbc, processor) >= head);
    }

    /** The position every segment of the processor has handled, by its stored tokens (-1: one has handled none). */
    public static long slowestStoredPosition(JdbcTemplate jdbc, String processor) {
        return jdbc.queryForObject("""
                select coalesce(min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1)), -1)
                from token_entry where processor_name = ?""", Long.class, processor);
    }
}
