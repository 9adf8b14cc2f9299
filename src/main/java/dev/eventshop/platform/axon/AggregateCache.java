package dev.eventshop.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache on a bounded Caffeine map: a command on an aggregate in the cache loads neither its
 * snapshot nor its events. Axon ships adapters for Ehcache and JCache only; Caffeine is already on the class path,
 * keeps the aggregates by reference (JCache copies by default) and needs no cache manager of its own.
 * <p>
 * Safe with several nodes: an aggregate changed by another node is stale here, so the next append from this node
 * clashes on the aggregate's sequence number; Axon then evicts it on the rollback, and the command retry
 * (CommandRetryConfiguration) loads it afresh from the store.
 */
final class AggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Aggregate repositories register no listeners; nothing here needs to hear about evictions. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
    }
}
