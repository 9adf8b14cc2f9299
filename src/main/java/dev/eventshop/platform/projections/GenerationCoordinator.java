package dev.eventshop.platform.projections;

import dev.eventshop.platform.axon.StoredTokens;
import dev.eventshop.platform.cluster.ClusterNode;
import dev.eventshop.platform.cluster.ClusterProperties;
import dev.eventshop.platform.cluster.SegmentBalancer;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the projections' generations on this node. At every check it reads {@code projection_generation} and:
 * <ul>
 *   <li>runs the processor of each slot whose generation this node reads or builds, and stops the others;</li>
 *   <li>tells each slot whether its generation serves this node's readers (only then do its changes go to live
 *       subscribers);</li>
 *   <li>switches to a rebuilt generation of this node's version once it is within reach of the head;</li>
 *   <li>retires a live generation no live node reads any more, and drops retired generations once every node has
 *       stopped their processors;</li>
 *   <li>at start, rebuilds a projection whose code here is newer than every generation of it.</li>
 * </ul>
 * Every decision is taken again from the database at each check, so a node that restarts, or takes over from one
 * that died, carries on where the generations stand: a rebuild resumes from its processor's tokens.
 */
@Component
class GenerationCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationCoordinator.class);

    private final ProjectionCatalog catalog;
    private final Generations generations;
    private final GenerationRows rows;
    private final GenerationSwitch switcher;
    private final StoredTokens tokens;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final ProjectionProperties properties;
    private final ClusterProperties cluster;
    private final RebuildProgress progress;
    private final Rebuilds rebuilds;
    private final SegmentBalancer balancer;

    /** The slot processors this node wanted running at the last check: only a change starts or stops one. */
    private final Set<String> wanted = new HashSet<>();
    /** Projections whose code here may still need a rebuild of their own version (checked from start-up on). */
    private final Set<String> versionCheckPending = ConcurrentHashMap.newKeySet();
    private final Set<String> dropping = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private ExecutorService dropper;

    GenerationCoordinator(ProjectionCatalog catalog, Generations generations, GenerationRows rows,
                          GenerationSwitch switcher, Rebuilds rebuilds, StoredTokens tokens,
                          EventProcessingConfiguration processing,
                          JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher publisher,
                          ProjectionProperties properties, ClusterProperties cluster, SegmentBalancer balancer) {
        this.balancer = balancer;
        this.catalog = catalog;
        this.generations = generations;
        this.rows = rows;
        this.switcher = switcher;
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
        this.cluster = cluster;
        this.progress = new RebuildProgress(properties.rateWindow());
    }

    /** The first check runs before start-up completes, so that the node serves with its processors running. */
    @Override
    public void start() {
        catalog.definitions().forEach(definition -> versionCheckPending.add(definition.name()));
        scheduler = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("projection-generations"));
        dropper = Executors.newSingleThreadExecutor(new AxonThreadFactory("projection-generation-drop"));
        check();
        long interval = properties.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        dropper.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** After Axon's processors are set up (they start in a lower phase), before the segment balancer. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2;
    }

    RebuildProgress progress() {
        return progress;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the projections' generations failed; trying again at the next check", e);
        }
    }

    /** A check as soon as the coordinator's thread is free: after an operator's rebuild or cancel. */
    void checkSoon() {
        scheduler.execute(this::checkQuietly);
    }

    /** One check of every projection. */
    synchronized void check() {
        publishVersions();
        long head = headOfStore();
        for (ProjectionDefinition definition : catalog.definitions()) {
            check(definition, head);
        }
    }

    private void check(ProjectionDefinition definition, long head) {
        List<Generation> all = generations.of(definition.name());
        Long serving = generations.servingFor(definition.name(), definition.version()).orElse(null);
        for (ProjectionSlot slot : catalog.slots(definition.name())) {
            Optional<Generation> held = all.stream().filter(g -> g.slot().equals(slot.color())).findFirst();
            boolean servesHere = held.isPresent() && held.get().generation() == serving;
            boolean wasServing = slot.serving();
            held.ifPresentOrElse(generation -> slot.hold(generation, servesHere), slot::release);
            run(slot, held.isPresent() && (servesHere || buildsHere(definition, held.get())));
            if (servesHere && !wasServing) {
                publisher.publishEvent(new ServingGenerationChanged(definition, serving));
            }
        }
        for (Generation building : all) {
            if (building.state() == GenerationState.BUILDING) {
                long reached = reached(building);
                progress.record(building.processor(), building.generation(), reached, System.nanoTime());
                if (buildsHere(definition, building) && head - reached <= properties.switchLag()
                        && switcher.trySwitch(definition, building)) {
                    progress.forget(building.processor(), building.generation());
                    check(definition, head); // take the switch in at once: readers, processors, subscribers
                    return;
                }
            }
        }
        retireUnread(definition, all);
        all.stream().filter(g -> g.state() == GenerationState.RETIRED).forEach(g -> dropWhenStopped(definition, g));
        if (versionCheckPending.contains(definition.name())) {
            rebuildIfCodeIsNewer(definition, all);
        }
    }

    private static boolean buildsHere(ProjectionDefinition definition, Generation generation) {
        return generation.state() == GenerationState.BUILDING && generation.version() == definition.version();
    }

    /** Starts or stops a slot's processor when this node's wish for it changes; an operator's stop is kept. */
    private void run(ProjectionSlot slot, boolean wish) {
        String name = slot.processorName();
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + name));
        if (wish && wanted.add(name)) {
            log.info("Starting {}: it holds generation {} of {}", name, slot.heldGeneration(), slot.projection());
            try {
                processor.start();
            } catch (IllegalStateException stillStopping) {
                // Axon refuses to start a processor whose threads are still finishing a shutdown
                wanted.remove(name);
                log.info("{} is still shutting down; starting it at the next check", name);
            }
        } else if (!wish && (wanted.remove(name) || processor.isRunning())) {
            // also a processor started behind this node's back: it must not run without a generation to write
            log.info("Stopping {}: this node neither reads nor builds its generation", name);
            balancer.stop(processor);
        }
    }

    boolean wants(String processorName) {
        synchronized (this) {
            return wanted.contains(processorName);
        }
    }

    /** The position the slowest segment of a building generation has handled up to. */
    long reached(Generation generation) {
        long start = generation.startIndex() == null ? 0 : generation.startIndex();
        List<StoredTokens.StoredToken> segments = tokens.of(generation.processor());
        if (segments.isEmpty()) {
            return start;
        }
        return segments.stream()
                .mapToLong(segment -> Optional.ofNullable(StoredTokens.positionOf(segment.token())).orElse(start))
                .min().orElse(start);
    }

    /**
     * A live generation that no live node reads (they all read a newer one, or the nodes of its version are
     * gone) is retired.
     */
    private void retireUnread(ProjectionDefinition definition, List<Generation> all) {
        List<Generation> live = all.stream().filter(g -> g.state() == GenerationState.LIVE).toList();
        if (live.size() < 2) {
            return;
        }
        Set<Integer> versions = aliveVersions(definition.name());
        versions.add(definition.version());
        Set<Long> read = new HashSet<>();
        versions.forEach(version -> generations.servingFor(definition.name(), version).ifPresent(read::add));
        for (Generation generation : live) {
            if (!read.contains(generation.generation())) {
                log.info("Retiring generation {} of {} (version {}): no live node reads it", generation.generation(),
                        definition.name(), generation.version());
                generations.retire(definition.name(), generation.generation());
            }
        }
    }

    /**
     * Deletes a retired generation once it has been retired long enough for every node to have seen it, and no
     * live node runs its processor: then nothing writes its rows any more. Runs on a thread of its own, since a
     * large generation takes a while.
     */
    private void dropWhenStopped(ProjectionDefinition definition, Generation retired) {
        String processor = retired.processor();
        boolean due = retired.retiredAt() == null
                || retired.retiredAt().plus(properties.dropDelay()).isBefore(Instant.now());
        if (!due || wanted.contains(processor) || runningOnSomeNode(processor) || !dropping.add(processor)) {
            return;
        }
        dropper.execute(() -> {
            try {
                while (Boolean.TRUE.equals(transactions.execute(status ->
                        rows.deleteSome(definition, retired.generation(), properties.dropChunk())))) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                transactions.executeWithoutResult(status -> {
                    jdbc.update("delete from token_entry where processor_name = ?", processor);
                    jdbc.update("delete from dead_letter_entry where processing_group = ?", processor);
                    generations.delete(definition.name(), retired.generation());
                });
                log.info("Dropped generation {} of {}", retired.generation(), definition.name());
            } catch (RuntimeException e) {
                log.warn("Dropping generation {} of {} failed; trying again later", retired.generation(),
                        definition.name(), e);
            } finally {
                dropping.remove(processor);
            }
        });
    }

    private boolean runningOnSomeNode(String processor) {
        Integer nodes = jdbc.queryForObject("""
                select count(*) from cluster_node
                where last_seen > now() - ?::interval and ? = any(running_processors)""", Integer.class,
                cluster.nodeTimeout().toMillis() + " milliseconds", processor);
        return nodes != null && nodes > 0;
    }

    /** A node whose code is newer than every generation builds one of its own version, from the start. */
    private void rebuildIfCodeIsNewer(ProjectionDefinition definition, List<Generation> all) {
        int newest = all.stream().filter(g -> g.state() != GenerationState.RETIRED)
                .mapToInt(Generation::version).max().orElse(0);
        if (newest >= definition.version()) {
            versionCheckPending.remove(definition.name());
            return;
        }
        if (all.size() >= catalog.slots(definition.name()).size()) {
            log.info("Version {} of {} needs a rebuild; waiting for a slot to be free", definition.version(),
                    definition.name());
            return;
        }
        log.info("This node's code has version {} of {}, newer than every generation ({}): rebuilding it",
                definition.version(), definition.name(), newest);
        rebuilds.start(definition, null);
        versionCheckPending.remove(definition.name());
    }

    /** The versions of this projection that the live nodes' code has, as they last said. */
    private Set<Integer> aliveVersions(String projection) {
        Set<Integer> versions = new HashSet<>();
        jdbc.query("""
                select v from cluster_node cross join unnest(projection_versions) as v
                where last_seen > now() - ?::interval""", row -> {
            String[] said = row.getString(1).split(":");
            if (said.length == 2 && said[0].equals(projection)) {
                versions.add(Integer.parseInt(said[1]));
            }
        }, cluster.nodeTimeout().toMillis() + " milliseconds");
        return versions;
    }

    /** Says which version of each projection this node's code has (the heartbeat row is the segment balancer's). */
    private void publishVersions() {
        Map<String, Integer> versions = new HashMap<>();
        catalog.definitions().forEach(definition -> versions.put(definition.name(), definition.version()));
        jdbc.update("update cluster_node set projection_versions = ? where node_id = ?",
                versions.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted()
                        .toArray(String[]::new), ClusterNode.ID);
    }

    private long headOfStore() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
