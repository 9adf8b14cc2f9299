package dev.eventshop.platform.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps requests that stay open (read-your-writes waits, live streams): at most so many at once in total and per
 * client. A rate limiter (Bucket4j) counts requests over time, not how many are open now, and a bulkhead
 * (Resilience4j) caps one pool, not one per client; this is a counter per client, dropped when it falls to zero,
 * so it holds no more entries than there are open requests.
 */
public final class OpenRequests {

    /** What a 429 past a cap suggests: open requests end within seconds, or are streams a client should reuse. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final String what;
    private final int total;
    private final int perClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentMap<String, Integer> openPerClient = new ConcurrentHashMap<>();

    /**
     * @param what      what is open, for the 429's detail ("waits for a view", say)
     * @param total     how many may be open at once on this node
     * @param perClient how many one client may have open at once
     */
    public OpenRequests(String what, int total, int perClient) {
        this.what = what;
        this.total = total;
        this.perClient = perClient;
    }

    /**
     * Counts one more open request of the client, to be closed when it ends.
     *
     * @param client   whom the request is counted against: a signed-in name, or a client address
     * @param unlimited whether the client has no cap of its own (the admin); it still counts in the total
     * @throws TooManyRequestsException past either cap: nothing is counted then
     */
    public Permit open(String client, boolean unlimited) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            throw new TooManyRequestsException("Too many " + what + " are open on this node; try again after "
                    + "Retry-After", RETRY_AFTER);
        }
        if (!unlimited) {
            int[] before = new int[1];
            openPerClient.compute(client, (key, count) -> {
                before[0] = count == null ? 0 : count;
                return before[0] < perClient ? before[0] + 1 : count;
            });
            if (before[0] >= perClient) {
                open.decrementAndGet();
                throw new TooManyRequestsException("This client already has " + perClient + " " + what
                        + " open; close one, or try again after Retry-After", RETRY_AFTER);
            }
        }
        return new Permit(client, unlimited);
    }

    /** How many are open now on this node. */
    public int open() {
        return open.get();
    }

    /** One open request; closing it again changes nothing. */
    public final class Permit implements AutoCloseable {

        private final String client;
        private final boolean unlimited;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(String client, boolean unlimited) {
            this.client = client;
            this.unlimited = unlimited;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (!unlimited) {
                openPerClient.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
            }
            open.decrementAndGet();
        }
    }
}
