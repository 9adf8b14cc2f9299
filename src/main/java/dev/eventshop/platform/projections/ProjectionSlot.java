package dev.eventshop.platform.projections;

/**
 * One of a projection's two places for a generation, blue or green, with the event processor that builds and
 * follows it ({@code <projection>-<slot>}). A slot's handlers write the generation it holds, and tell live
 * subscribers of their changes only while that generation is the one this node's readers read.
 */
public final class ProjectionSlot {

    static final String BLUE = "blue";
    static final String GREEN = "green";

    private final String projection;
    private final String color;
    /** Replaced whole at each check, so that a handler never sees one generation's flags with another's number. */
    private volatile Held held = Held.NOTHING;

    /**
     * What the slot holds: a generation (0: none), whether it serves this node's readers, whether it began as a
     * copy of another's rows, whether it is being built.
     */
    private record Held(long generation, boolean serving, boolean copied, boolean building) {
        static final Held NOTHING = new Held(0, false, false, false);
    }

    public ProjectionSlot(String projection, String color) {
        this.projection = projection;
        this.color = color;
    }

    /**
     * The generation this slot's handlers write. Fails while the slot holds none: its processor runs only while
     * it holds one, so an event handled here now would belong to no generation (the batch is tried again).
     */
    public long generation() {
        long generation = held.generation();
        if (generation <= 0) {
            throw new IllegalStateException(processorName() + " holds no generation of " + projection);
        }
        return generation;
    }

    /** Whether this node's readers read this slot's generation, so that its changes may go to live subscribers. */
    public boolean serving() {
        return held.serving();
    }

    public String projection() {
        return projection;
    }

    public String color() {
        return color;
    }

    public String processorName() {
        return processorName(projection, color);
    }

    static String processorName(String projection, String color) {
        return projection + "-" + color;
    }

    /**
     * Whether the generation it holds began as a copy of another's rows (a replay from an instant): then an event
     * that creates a row may find it there already.
     */
    public boolean mayHoldRowsAlready() {
        return held.copied();
    }

    /** Whether the generation it holds is being built: nobody reads it yet. */
    boolean building() {
        return held.building();
    }

    /** Set by the generation coordinator at each check. */
    void hold(Generation generation, boolean serving) {
        held = new Held(generation.generation(), serving, generation.replayFrom() != null,
                generation.state() == GenerationState.BUILDING);
    }

    /** Holds nothing: its processor must not run. */
    void release() {
        held = Held.NOTHING;
    }

    /** For tests of the handlers: a live generation built from the start of the store. */
    public void hold(long generation, boolean serving) {
        held = new Held(generation, serving, false, false);
    }

    long heldGeneration() {
        return held.generation();
    }
}
