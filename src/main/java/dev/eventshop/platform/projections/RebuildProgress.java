package dev.eventshop.platform.projections;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate of each rebuild, from the positions this node has seen its processor's slowest segment at, over a
 * sliding window: every node measures it from the token store, so any node answers, whichever builds.
 */
class RebuildProgress {

    private record Sample(long nanos, long position) {
    }

    private final Duration window;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    RebuildProgress(Duration window) {
        this.window = window;
    }

    synchronized void record(String processor, long generation, long position, long nanos) {
        Deque<Sample> seen = samples.computeIfAbsent(processor + "#" + generation, key -> new ArrayDeque<>());
        seen.addLast(new Sample(nanos, position));
        // keep one sample older than the window, so that the rate spans all of it
        while (seen.size() > 2 && nanos - nextToOldest(seen).nanos() > window.toNanos()) {
            seen.removeFirst();
        }
    }

    /** Events per second over the window; 0 until two samples are apart. */
    synchronized double rate(String processor, long generation) {
        Deque<Sample> seen = samples.get(processor + "#" + generation);
        if (seen == null || seen.size() < 2) {
            return 0;
        }
        Sample first = seen.peekFirst();
        Sample last = seen.peekLast();
        long nanos = last.nanos() - first.nanos();
        return nanos <= 0 ? 0 : Math.max(0, last.position() - first.position()) * 1e9 / nanos;
    }

    synchronized void forget(String processor, long generation) {
        samples.remove(processor + "#" + generation);
    }

    private static Sample nextToOldest(Deque<Sample> seen) {
        var iterator = seen.iterator();
        iterator.next();
        return iterator.next();
    }
}
