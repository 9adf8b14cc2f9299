package dev.eventshop.ops;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.platform.axon.StoredTokens;
import dev.eventshop.platform.cluster.SegmentBalancer;
import dev.eventshop.platform.axon.StoredTokens.StoredToken;
import dev.eventshop.platform.projections.ProjectionStatus;
import dev.eventshop.platform.projections.Projections;
import dev.eventshop.platform.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
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

/**
 * Reads and steers Axon's event processors: status, lag, start, stop, split and merge; a replay of a projection's
 * processor is a blue/green rebuild of the projection ({@link Projections}).
 */
@Component
class ProcessorOperations {

    /** How long a split or merge may take: the processor has to finish its batch and hand the segment over. */
    private static final Duration SEGMENT_CHANGE_TIMEOUT = Duration.ofSeconds(30);
    /** How often a split or merge looks for its commit in the token store. */
    private static final Duration COMMIT_POLL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final StoredTokens tokens;
    private final JdbcTemplate jdbc;
    private final SegmentBalancer balancer;

    ProcessorOperations(EventProcessingConfiguration processing, Projections projections, StoredTokens tokens,
                        JdbcTemplate jdbc, SegmentBalancer balancer) {
        this.balancer = balancer;
        this.processing = processing;
        this.projections = projections;
        this.tokens = tokens;
        this.jdbc = jdbc;
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

    /** A processor by its name, or a projection's by the projection's name: the one whose generation serves. */
    ProcessorStatus one(String name) {
        return statusOf(processor(name), headOfStore());
    }

    /** A projection's slot starts only where its generation is read or built; see {@link Projections#mayStart}. */
    void start(String name) {
        EventProcessor processor = processor(name);
        if (!projections.mayStart(name)) {
            throw new BusinessRuleViolation("processor-idle", "Processor " + name + " builds and follows no "
                    + "generation that this node reads or builds; it starts by itself when it does");
        }
        processor.start();
    }

    void stop(String name) {
        EventProcessor processor = processor(name);
        if (processor instanceof StreamingEventProcessor streaming) {
            balancer.stop(streaming).join();
        } else {
            processor.shutDown();
        }
    }

    /**
     * Replays a projection: builds a new generation of it beside the serving one, from the start of the store or
     * from an instant, and switches readers to it once it has caught up. Named by the projection ({@code users})
     * or either of its processors. Any other processor cannot be replayed (a saga reacts to events once).
     */
    ProjectionStatus replay(String name, Instant from) {
        processor(name);
        String projection = projections.projectionOf(name).orElseThrow(() ->
                new BusinessRuleViolation("processor-not-resettable", "Processor " + name + " cannot be replayed"));
        return projections.rebuild(projection, from);
    }

    /**
     * Splits a segment in two, so that two threads or nodes can share its work, or merges it with its sibling.
     * The node that runs this claims the segments it needs; it answers false when another node holds them.
     */
    boolean split(String processorOrProjection, int segment) {
        String name = processor(processorOrProjection).getName();
        int before = segmentCount(name);
        boolean done = await(running(name, "split").splitSegment(segment), name, "split");
        return done && committed(name, count -> count > before);
    }

    boolean merge(String processorOrProjection, int segment) {
        String name = processor(processorOrProjection).getName();
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
                    processor.isError(), false, null, null, null, head, 0, false, 1, List.of());
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<ProcessorStatus.Segment> segments = tokens.of(processor.getName()).stream()
                .map(token -> segment(token, local.get(token.segment()), head))
                .toList();
        // a segment without a position has handled nothing yet; global indexes start at 1
        long slowest = segments.stream().mapToLong(s -> s.position() == null ? 0 : s.position()).min().orElse(0);
        double progress = segments.stream().mapToDouble(ProcessorStatus.Segment::replayProgress).min().orElse(1);
        String mode = processor instanceof PooledStreamingEventProcessor ? "pooled" : "tracking";
        String name = processor.getName();
        String role = projections.roleOf(name).orElse(null);
        // an idle slot has no tokens and nothing to do: no lag
        long lag = "idle".equals(role) ? 0 : Math.max(0, head - slowest);
        return new ProcessorStatus(name, mode, processor.isRunning(), processor.isError(),
                projections.projectionOf(name).isPresent(), projections.projectionOf(name).orElse(null),
                projections.generationOf(name).orElse(null), role, head, lag,
                segments.stream().anyMatch(ProcessorStatus.Segment::replaying), progress, segments);
    }

    private static ProcessorStatus.Segment segment(StoredToken stored, EventTrackerStatus local, long head) {
        TrackingToken token = local != null && local.getTrackingToken() != null ? local.getTrackingToken()
                : stored.token();
        Long position = StoredTokens.positionOf(token);
        boolean replaying = ReplayToken.isReplay(token);
        Optional<ReplayToken> replay = WrappedToken.unwrap(token, ReplayToken.class);
        double progress = 1;
        if (replaying && replay.isPresent()) {
            Long resetAt = StoredTokens.positionOf(replay.get().getTokenAtReset());
            progress = resetAt == null || resetAt <= 0 ? 1
                    : Math.min(1, (position == null ? 0 : position) / (double) resetAt);
        }
        boolean caughtUp = local != null ? local.isCaughtUp() : position != null && position >= head;
        String error = local != null && local.isErrorState() ? String.valueOf(local.getError()) : null;
        return new ProcessorStatus.Segment(stored.segment(), stored.owner(), position, caughtUp, replaying,
                progress, error);
    }

    /** The global index of the newest stored event, 0 for an empty store. */
    long headOfStore() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(projections.processorNamed(name))
                .orElseThrow(() -> new NotFoundException("processor", name));
    }

    private StreamingEventProcessor streaming(String name) {
        if (!(processor(name) instanceof StreamingEventProcessor streaming)) {
            throw new NotFoundException("streaming processor", name);
        }
        return streaming;
    }
}
