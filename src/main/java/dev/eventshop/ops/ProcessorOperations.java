package dev.eventshop.ops;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.platform.web.NotFoundException;
import dev.eventshop.common.ReplayScope;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/** Reads and steers Axon's event processors: status, lag, start, stop, replay, split and merge. */
@Component
class ProcessorOperations {

    /** How long a split or merge may take: the processor has to finish its batch and hand the segment over. */
    private static final Duration SEGMENT_CHANGE_TIMEOUT = Duration.ofSeconds(30);
    /** How often a split or merge looks for its commit in the token store. */
    private static final Duration COMMIT_POLL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    /** The token store writes its tokens with Axon's general serializer, the bean named "serializer". */
    ProcessorOperations(EventProcessingConfiguration processing, EventStore events, JdbcTemplate jdbc,
                        @Qualifier("serializer") Serializer tokenSerializer) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    List<ProcessorStatus> all() {
        long head = headOfStore();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> statusOf(processor, head))
                .toList();
    }

    List<String> names() {
        return processing.eventProcessors().keySet().stream().sorted().toList();
    }

    ProcessorStatus one(String name) {
        return statusOf(processor(name), headOfStore());
    }

    void start(String name) {
        processor(name).start();
    }

    void stop(String name) {
        processor(name).shutDown();
    }

    /**
     * Rebuilds what the processor's handlers keep, from the start of the store (its reset handlers clear their
     * tables first) or from an instant (the events since are handled again onto the views as they stand, see
     * {@link ReplayScope}): stops it, resets its tokens and starts it again. On several nodes, the
     * processor must be stopped on each of them first, or the reset is refused.
     */
    void replay(String name, Instant from) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.supportsReset()) {
            throw new BusinessRuleViolation("processor-not-resettable", "Processor " + name + " cannot be reset");
        }
        processor.shutDown();
        try {
            if (from == null) {
                processor.resetTokens(events.createTailToken(), ReplayScope.FROM_START);
            } else {
                processor.resetTokens(startOfReplay(name, events.createTokenAt(from)), ReplayScope.FROM_INSTANT);
            }
        } finally {
            processor.start(); // also when the reset was refused: a replay must not leave the processor stopped
        }
    }

    /**
     * Axon moves a segment that is behind the start of a replay forward to it, skipping the events in between;
     * so a replay from an instant starts no later than the slowest segment.
     */
    private TrackingToken startOfReplay(String name, TrackingToken fromInstant) {
        TrackingToken start = fromInstant;
        for (StoredToken segment : tokens(name)) {
            if (segment.token() == null) {
                return events.createTailToken();
            }
            start = start == null ? null : start.lowerBound(WrappedToken.unwrapLowerBound(segment.token()));
        }
        return start;
    }

    /**
     * Splits a segment in two, so that two threads or nodes can share its work, or merges it with its sibling.
     * The node that runs this claims the segments it needs; it answers false when another node holds them.
     */
    boolean split(String name, int segment) {
        int before = segmentCount(name);
        boolean done = await(running(name, "split").splitSegment(segment), name, "split");
        return done && committed(name, count -> count > before);
    }

    boolean merge(String name, int segment) {
        int before = segmentCount(name);
        boolean done = await(running(name, "merge").mergeSegment(segment), name, "merge");
        return done && committed(name, count -> count < before);
    }

    /**
     * Axon completes a split or merge inside the transaction that writes the token store, so its answer can come
     * before the change is committed; the caller reads the segments from the token store, so wait for the commit.
     */
    private boolean committed(String name, IntPredicate segmentCount) {
        long deadline = System.nanoTime() + SEGMENT_CHANGE_TIMEOUT.toNanos();
        while (!segmentCount.test(segmentCount(name))) {
            if (System.nanoTime() > deadline) {
                throw new BusinessRuleViolation("segment-change-failed", "The segments of " + name
                        + " did not change in the token store within " + SEGMENT_CHANGE_TIMEOUT);
            }
            LockSupport.parkNanos(COMMIT_POLL.toNanos()); // no hook tells when Axon's transaction commits
        }
        return true;
    }

    private int segmentCount(String name) {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, name);
        return count == null ? 0 : count;
    }

    /** A stopped processor would only queue the change until it starts again; refuse it instead. */
    private StreamingEventProcessor running(String name, String action) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.isRunning()) {
            throw new BusinessRuleViolation("processor-stopped",
                    "Start processor " + name + " before you " + action + " its segments");
        }
        return processor;
    }

    private boolean await(CompletableFuture<Boolean> done, String name, String action) {
        try {
            return done.get(SEGMENT_CHANGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + action + " of " + name, e);
        } catch (TimeoutException e) {
            throw new BusinessRuleViolation("segment-change-failed",
                    "The " + action + " of a segment of " + name + " did not finish within " + SEGMENT_CHANGE_TIMEOUT);
        } catch (ExecutionException e) {
            throw new BusinessRuleViolation("segment-change-failed",
                    "Could not " + action + " a segment of " + name + ": " + e.getCause().getMessage());
        }
    }

    /**
     * The processor as the token store sees it, so that segments claimed by other nodes count too, and a replay
     * shows before any node has picked it up; this node's trackers add whether a segment is failing.
     */
    private ProcessorStatus statusOf(EventProcessor processor, long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", processor.isRunning(),
                    processor.isError(), false, head, 0, false, 1, List.of());
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<ProcessorStatus.Segment> segments = tokens(processor.getName()).stream()
                .map(token -> segment(token, local.get(token.segment()), head))
                .toList();
        // a segment without a position has handled nothing yet; global indexes start at 1
        long slowest = segments.stream().mapToLong(s -> s.position() == null ? 0 : s.position()).min().orElse(0);
        double progress = segments.stream().mapToDouble(ProcessorStatus.Segment::replayProgress).min().orElse(1);
        String mode = processor instanceof PooledStreamingEventProcessor ? "pooled" : "tracking";
        return new ProcessorStatus(processor.getName(), mode, processor.isRunning(), processor.isError(),
                streaming.supportsReset(), head, Math.max(0, head - slowest),
                segments.stream().anyMatch(ProcessorStatus.Segment::replaying), progress, segments);
    }

    private static ProcessorStatus.Segment segment(StoredToken stored, EventTrackerStatus local, long head) {
        TrackingToken token = local != null && local.getTrackingToken() != null ? local.getTrackingToken()
                : stored.token();
        Long position = positionOf(token);
        boolean replaying = ReplayToken.isReplay(token);
        Optional<ReplayToken> replay = WrappedToken.unwrap(token, ReplayToken.class);
        double progress = 1;
        if (replaying && replay.isPresent()) {
            Long resetAt = positionOf(replay.get().getTokenAtReset());
            progress = resetAt == null || resetAt <= 0 ? 1
                    : Math.min(1, (position == null ? 0 : position) / (double) resetAt);
        }
        boolean caughtUp = local != null ? local.isCaughtUp() : position != null && position >= head;
        String error = local != null && local.isErrorState() ? String.valueOf(local.getError()) : null;
        return new ProcessorStatus.Segment(stored.segment(), stored.owner(), position, caughtUp, replaying,
                progress, error);
    }

    /**
     * The global index a token has handled up to, null for nothing yet. Unpacks replay and merged tokens itself:
     * a merged token of which one half has handled nothing has no position (Axon's own throws there).
     */
    private static Long positionOf(TrackingToken token) {
        if (token == null) {
            return null;
        }
        if (token instanceof ReplayToken replay) {
            return positionOf(replay.getCurrentToken());
        }
        if (token instanceof MergedTrackingToken merged) {
            Long lower = positionOf(merged.lowerSegmentToken());
            Long upper = positionOf(merged.upperSegmentToken());
            return lower == null || upper == null ? null : Math.min(lower, upper);
        }
        return token.position().isPresent() ? token.position().getAsLong() : null;
    }

    private record StoredToken(int segment, String owner, TrackingToken token) {
    }

    private List<StoredToken> tokens(String processorName) {
        return jdbc.query("""
                        select segment, owner, token, token_type from token_entry
                        where processor_name = ? order by segment""",
                (row, i) -> new StoredToken(row.getInt(1), row.getString(2),
                        row.getBytes(3) == null ? null : tokenSerializer.deserialize(new SimpleSerializedObject<>(
                                row.getBytes(3), byte[].class, row.getString(4), null))),
                processorName);
    }

    /** The global index of the newest stored event, 0 for an empty store. */
    long headOfStore() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new NotFoundException("processor", name));
    }

    private StreamingEventProcessor streaming(String name) {
        if (!(processor(name) instanceof StreamingEventProcessor streaming)) {
            throw new NotFoundException("streaming processor", name);
        }
        return streaming;
    }
}
