package dev.eventshop.platform.cluster;

/**
 * Told whenever a node, this one included, has committed events: the commit notices every node hears. Implement it
 * as a bean; {@link CommitListener} calls it on its own thread, so it must be quick and must not block.
 */
public interface EventsCommitted {

    void eventsCommitted();
}
