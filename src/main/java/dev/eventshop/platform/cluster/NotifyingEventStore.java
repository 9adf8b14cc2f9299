package dev.eventshop.platform.cluster;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Axon's embedded event store, which wakes the event processors of this node when it commits events, made to wake
 * those of every node: the transaction that appends events also sends a PostgreSQL NOTIFY, which PostgreSQL
 * delivers to the listeners when, and only if, it commits; {@link CommitListener} then calls {@link #wake()}.
 * Without it, another node's processors would see the events only at their next poll (a second by default).
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private final JdbcTemplate jdbc;
    private final String channel;

    NotifyingEventStore(Builder builder, JdbcTemplate jdbc, String channel) {
        super(builder);
        this.jdbc = jdbc;
        this.channel = channel;
    }

    /**
     * Before the events are appended, in the appending transaction: one more statement, and no notification for a
     * rolled-back append. It also gives the transaction its id before the events get their global indexes, which
     * the event feed's horizon relies on (platform/feed): a transaction that may still append at a position has
     * an id below that of any later snapshot.
     */
    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty()) {
            jdbc.queryForList("select pg_notify(?, ?), pg_current_xact_id()", channel, CommitNotice.encode(events));
        }
        super.prepareCommit(events);
    }

    /** New events may be in the store: let the processors' stream look now instead of at its next poll. */
    void wake() {
        afterCommit(List.of());
    }
}
