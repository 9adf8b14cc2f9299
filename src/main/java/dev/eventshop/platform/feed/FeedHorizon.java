package dev.eventshop.platform.feed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far the feed may go without ever skipping an event: the highest position below which no transaction can still
 * commit an event.
 *
 * <p>Global indexes come from a sequence, so a transaction can commit position 7 while one holding position 6 is
 * still open; a consumer that read 7 and stored it would never see 6. Every appending transaction takes its id
 * before its events take their positions ({@code NotifyingEventStore}). Each reading samples, in one statement, the
 * highest committed position and a fresh transaction id: any event at or below that position belongs to a
 * transaction whose id is lower. Once the oldest running transaction ({@code xmin} of a later snapshot) is at or past
 * that id, all of them have ended, and the sampled position is final. (The snapshot's own {@code xmax} would not do:
 * it is one past the newest <em>completed</em> transaction, and a running one may have a higher id.)
 *
 * <p>The fresh id costs a commit record per sample; samples are taken per page read, and while live streams are
 * open, once per {@code stream-poll-interval} per node. No lock, and no extra write on the append path.
 */
@Component
class FeedHorizon {

    /** A sampled position, final once every transaction with an id below {@code xid} has ended. */
    private record Sample(long position, long xid) {
    }

    /** Samples beyond this many while a long transaction holds the horizon back are dropped: later ones suffice. */
    private static final int MAX_SAMPLES = 1_000;

    private final JdbcTemplate jdbc;
    private final Deque<Sample> waiting = new ArrayDeque<>();
    private long finalPosition;

    FeedHorizon(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest position stored, final or not: no consumer can have seen a position beyond it. */
    long storedHead() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** The highest position that is final now; every event at or below it is committed and visible. */
    long finalPosition() {
        return sample()[0];
    }

    /**
     * The highest final position once what was committed before the call is final too, waiting for that up to
     * {@code patience}: a sample becomes final only when a later one sees the transactions running at its time
     * ended, which takes milliseconds. A page read thus gives what was committed before it, not only what an earlier
     * read had seen become final. Past the patience (a long transaction is running), what is final by then.
     */
    long settledPosition(Duration patience) {
        long[] first = sample();
        long target = first[1];
        long reached = first[0];
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 1;
        while (reached < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pauseMillis); // waits on the database's transactions, not on a thread of ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pauseMillis = Math.min(pauseMillis * 2, 16);
            reached = sample()[0];
        }
        return reached;
    }

    /** Takes a sample: the final position after it, and the position it sampled. */
    private synchronized long[] sample() {
        long[] now = jdbc.queryForObject("""
                select pg_snapshot_xmin(s)::text::bigint, pg_current_xact_id()::text::bigint,
                       coalesce((select max(global_index) from domain_event_entry), 0)
                from pg_current_snapshot() s""",
                (row, i) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
        long xmin = now[0];
        waiting.addLast(new Sample(now[2], now[1]));
        while (!waiting.isEmpty() && waiting.peekFirst().xid() <= xmin) {
            finalPosition = Math.max(finalPosition, waiting.pollFirst().position());
        }
        if (waiting.size() > MAX_SAMPLES) {
            Sample newest = waiting.pollLast();
            waiting.pollLast(); // dropping one delays nothing much: a later sample covers its position
            waiting.addLast(newest);
        }
        return new long[] {finalPosition, now[2]};
    }
}
