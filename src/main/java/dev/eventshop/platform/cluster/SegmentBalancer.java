package dev.eventshop.platform.cluster;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * Shares each processor's segments fairly between the nodes on one PostgreSQL. Axon's processors claim every
 * segment they can, so the first node to start would do all the work; Axon Server balances them, but this
 * deployment has only PostgreSQL. So every node beats a heartbeat into {@code cluster_node} and, when it holds
 * more than its share (segments divided by the live nodes that run the processor, rounded up), releases the
 * surplus for a while, which another node then claims. A processor stopped on one node (from the dashboard, say)
 * leaves its segments to the nodes still running it. A node that stops releases its segments at once (Axon does
 * that on shutdown) and removes its heartbeat; one that dies loses its claims after the token claim timeout.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ClusterProperties properties;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, ClusterProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void start() {
        // one periodic task: its own thread keeps it independent of every pool that may be exhausted
        scheduler = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("segment-balancer"));
        long interval = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beatQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            jdbc.update("delete from cluster_node where node_id = ?", ClusterNode.ID);
        } catch (RuntimeException e) {
            log.debug("Could not remove this node's heartbeat; it times out instead", e);
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** Stopped before the processors (Axon's lifecycle phases are higher), started after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.debug("Heartbeat failed; trying again at the next one", e);
        }
    }

    /**
     * Stops a processor on this node, and first takes it out of this node's heartbeat. Otherwise another node
     * could claim the released segments and, reading the heartbeat that still names the processor here, count
     * this node in the share and give half of them up again for nothing. Holding the lock keeps a heartbeat from
     * naming it again while it still runs.
     */
    public synchronized CompletableFuture<Void> stop(StreamingEventProcessor processor) {
        jdbc.update("update cluster_node set running_processors = array_remove(running_processors, ?) "
                + "where node_id = ?", processor.getName(), ClusterNode.ID);
        return processor.shutdownAsync();
    }

    synchronized void beat() {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        jdbc.update("""
                insert into cluster_node (node_id, last_seen, running_processors) values (?, now(), ?)
                on conflict (node_id) do update
                set last_seen = excluded.last_seen, running_processors = excluded.running_processors""",
                ClusterNode.ID, running.stream().map(StreamingEventProcessor::getName).toArray(String[]::new));
        Map<String, Integer> shares = shares();
        // a processor missing from the answer (none should be) keeps what it holds
        running.forEach(processor -> shareOut(processor,
                shares.getOrDefault(processor.getName(), Integer.MAX_VALUE)));
    }

    /**
     * Each processor's fair share per node, in one query: its segments divided by the live nodes that run it
     * (this one included, as it has just said), rounded up.
     */
    private Map<String, Integer> shares() {
        Map<String, Integer> shares = new HashMap<>();
        jdbc.query("""
                select p.name, count(*) as nodes,
                  (select count(*) from token_entry t where t.processor_name = p.name) as segments
                from cluster_node n cross join unnest(n.running_processors) as p(name)
                where n.last_seen > now() - ?::interval
                group by p.name""",
                (RowCallbackHandler) row -> shares.put(row.getString("name"),
                        (int) Math.ceil(row.getInt("segments") / (double) row.getInt("nodes"))),
                properties.nodeTimeout().toMillis() + " milliseconds");
        return shares;
    }

    private void shareOut(StreamingEventProcessor processor, int share) {
        List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
        for (Integer segment : mine.subList(Math.min(share, mine.size()), mine.size())) {
            log.info("Releasing segment {} of {}: this node holds more than its share of {} among the nodes "
                    + "running it", segment, processor.getName(), share);
            processor.releaseSegment(segment, 3 * properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
