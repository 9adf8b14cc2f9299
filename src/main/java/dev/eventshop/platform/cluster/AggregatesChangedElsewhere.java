package dev.eventshop.platform.cluster;

import java.util.Set;

/**
 * Told when another node has committed events, so that what this node remembers of those aggregates (an unsealed
 * data key, a verified sign-in) can be dropped or checked again. Implement it as a bean; {@link CommitListener}
 * calls it on its own thread, so it must be quick and must not block.
 */
public interface AggregatesChangedElsewhere {

    /** Another node appended events to these aggregates (and has committed them). */
    void changed(Set<String> aggregateIds);

    /**
     * Anything may have changed: the commit named more aggregates than a notice can hold, or this node was not
     * listening for a while (it has just connected, or connected again).
     */
    void anyMayHaveChanged();
}
