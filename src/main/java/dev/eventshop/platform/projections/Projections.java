package dev.eventshop.platform.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The projections and their generations, for operators: what serves, what is being built and how far, and
 * rebuilding (blue/green) or cancelling a rebuild.
 */
@Component
public class Projections {

    private final ProjectionCatalog catalog;
    private final Generations generations;
    private final Rebuilds rebuilds;
    private final GenerationCoordinator coordinator;
    private final JdbcTemplate jdbc;

    Projections(ProjectionCatalog catalog, Generations generations, Rebuilds rebuilds,
                GenerationCoordinator coordinator, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.generations = generations;
        this.rebuilds = rebuilds;
        this.coordinator = coordinator;
        this.jdbc = jdbc;
    }

    public List<ProjectionStatus> all() {
        long head = headOfStore();
        return catalog.definitions().stream().map(definition -> statusOf(definition, head)).toList();
    }

    public Optional<ProjectionStatus> one(String name) {
        return catalog.definition(name).map(definition -> statusOf(definition, headOfStore()));
    }

    /** The projection a processor belongs to, by the processor's name ({@code users-blue}) or its own. */
    public Optional<String> projectionOf(String name) {
        return catalog.definition(name).map(ProjectionDefinition::name)
                .or(() -> catalog.slotOfProcessor(name).map(ProjectionSlot::projection));
    }

    /**
     * The processor a name stands for: a projection's own name ({@code users}) for the processor of the generation
     * that serves its reads ({@code users-green}); any other name for itself.
     */
    public String processorNamed(String name) {
        return catalog.definition(name).flatMap(definition -> one(name)).map(ProjectionStatus::serving)
                .map(Generation::processor).orElse(name);
    }

    /**
     * Builds a new generation beside the serving one, from the start or from an instant; readers go on reading
     * the serving generation until the new one has caught up, then switch to it at once.
     */
    public ProjectionStatus rebuild(String projection, Instant from) {
        ProjectionDefinition definition = catalog.definition(projection).orElseThrow();
        rebuilds.start(definition, from);
        coordinator.checkSoon(); // not in this request: its answer shows the rebuild, however quick it is
        return statusOf(definition, headOfStore());
    }

    /** Stops building the new generation and drops it; the serving generation is untouched. */
    public ProjectionStatus cancelRebuild(String projection) {
        ProjectionDefinition definition = catalog.definition(projection).orElseThrow();
        rebuilds.cancel(definition);
        coordinator.checkSoon();
        return statusOf(definition, headOfStore());
    }

    /** What a slot's processor does on this node: serving, building, retired, or idle (it holds no generation). */
    public Optional<String> roleOf(String processorName) {
        return catalog.slotOfProcessor(processorName).map(slot -> {
            Optional<Generation> held = generations.inSlot(slot.projection(), slot.color());
            if (held.isEmpty()) {
                return "idle";
            }
            if (slot.serving()) {
                return "serving";
            }
            return held.get().state().name().toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** The generation a slot's processor builds or follows, if it holds one. */
    public Optional<Long> generationOf(String processorName) {
        return catalog.slotOfProcessor(processorName)
                .flatMap(slot -> generations.inSlot(slot.projection(), slot.color()))
                .map(Generation::generation);
    }

    /**
     * Whether an operator may start this processor here: any processor that is not a projection's slot, and a
     * slot whose generation this node reads or builds (another would write a generation nobody asked for).
     */
    public boolean mayStart(String processorName) {
        return catalog.slotOfProcessor(processorName).isEmpty() || coordinator.wants(processorName);
    }

    private ProjectionStatus statusOf(ProjectionDefinition definition, long head) {
        List<Generation> all = generations.of(definition.name());
        Optional<Long> serving = generations.servingFor(definition.name(), definition.version());
        Generation servingGeneration = serving.flatMap(g -> all.stream().filter(x -> x.generation() == g)
                .findFirst()).orElse(null);
        ProjectionStatus.Rebuild rebuild = all.stream().filter(g -> g.state() == GenerationState.BUILDING)
                .findFirst().map(building -> progressOf(building, head)).orElse(null);
        return new ProjectionStatus(definition.name(), definition.version(), servingGeneration, rebuild, all);
    }

    private ProjectionStatus.Rebuild progressOf(Generation building, long head) {
        long start = building.startIndex() == null ? 0 : building.startIndex();
        long reached = coordinator.reached(building);
        long done = Math.max(0, reached - start);
        long toGo = Math.max(0, head - reached);
        double rate = coordinator.progress().rate(building.processor(), building.generation());
        Double secondsLeft = null; // unknown until the rate is
        if (rate > 0) {
            secondsLeft = toGo / rate;
        } else if (toGo == 0) {
            secondsLeft = 0.0;
        }
        double progress = done + toGo == 0 ? 1 : done / (double) (done + toGo);
        return new ProjectionStatus.Rebuild(building.generation(), building.version(), building.processor(),
                building.createdAt(), building.replayFrom(), done, toGo, rate, secondsLeft, progress);
    }

    private long headOfStore() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
