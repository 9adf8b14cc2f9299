package dev.eventshop.common;

/**
 * What a replay asks of the projections, sent as the reset context of an event processor's reset: their
 * {@code @ResetHandler}s clear the views only for a replay from the start.
 */
public enum ReplayScope {

    /** Rebuild from the first event: the views are cleared first. */
    FROM_START,

    /**
     * Handle the events from an instant on again, onto the views as they stand. The projections write absolute
     * values (the balance and stock after each event) and insert idempotently, so an event handled twice leaves
     * the same state; meanwhile a view may briefly show an older state of a row.
     */
    FROM_INSTANT
}
