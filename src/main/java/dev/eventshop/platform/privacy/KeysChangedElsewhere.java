package dev.eventshop.platform.privacy;

import dev.eventshop.platform.cluster.AggregatesChangedElsewhere;

import java.util.Set;

/**
 * Another node may have erased a person whose data key this node has unsealed in memory: a person's id is their
 * aggregate's id, so a commit to it elsewhere drops the key here, and the next read finds it again (or its
 * tombstone). Dropping a key costs one unsealing on its next use.
 */
final class KeysChangedElsewhere implements AggregatesChangedElsewhere {

    private final DataKeys keys;

    KeysChangedElsewhere(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public void changed(Set<String> aggregateIds) {
        aggregateIds.forEach(keys::forget);
    }

    @Override
    public void anyMayHaveChanged() {
        keys.forgetAll();
    }
}
