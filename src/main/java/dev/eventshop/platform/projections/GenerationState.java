package dev.eventshop.platform.projections;

/** Where a generation of a projection stands. */
public enum GenerationState {
    /** Catching up with the store; no reader reads it yet. */
    BUILDING,
    /** Serving reads (of the nodes whose code it suits). */
    LIVE,
    /** Replaced or cancelled: its processor stops on every node, then its rows are deleted. */
    RETIRED
}
