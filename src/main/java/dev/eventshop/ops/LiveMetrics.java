package dev.eventshop.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.AxonThreadFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's live charts: every sample interval, the throughput and latency since the previous sample, kept
 * for a few minutes so that a freshly opened dashboard has a history to draw. Events per second come from the
 * head of the store (so they count every node's appends); commands and handler timings from Axon's Micrometer
 * timers (this node only). Prometheus keeps the long history; this is the at-a-glance view.
 */
@Component
@EnableConfigurationProperties(DashboardProperties.class)
class LiveMetrics {

    /** axon-micrometer's timers of the command bus and of every event processor (all message types). */
    static final String COMMAND_TIMER = "commandBus.allTimer";
    static final String HANDLER_TIMER = "eventProcessor.allTimer";

    /**
     * One point of the charts.
     *
     * @param eventsPerSecond    events appended to the store, by any node
     * @param commandsPerSecond  commands handled by this node
     * @param commandMillis      their mean handling time; null when none was handled
     * @param commandMaxMillis   the longest recent command (Micrometer's decaying maximum)
     * @param handlerMillis      the mean time an event handler of this node took; null when none ran
     */
    record Sample(Instant at, double eventsPerSecond, double commandsPerSecond,
                  @Schema(nullable = true) Double commandMillis, double commandMaxMillis,
                  @Schema(nullable = true) Double handlerMillis) {
    }

    private record Reading(long nanos, long head, Totals commands, Totals handlers) {
    }

    private record Totals(long count, double millis, double maxMillis) {
    }

    private final MeterRegistry registry;
    private final ProcessorOperations processors;
    private final DashboardProperties properties;
    private final Deque<Sample> samples = new ArrayDeque<>();
    // one periodic task: a scheduler of its own keeps it from competing with Spring's or Axon's pools
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("dashboard-sampler"));
    private Reading previous;

    LiveMetrics(MeterRegistry registry, ProcessorOperations processors, DashboardProperties properties) {
        this.registry = registry;
        this.processors = processors;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSampling() {
        long interval = properties.sampleInterval().toMillis();
        sampler.scheduleAtFixedRate(this::sampleQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSampling() {
        sampler.shutdownNow();
    }

    synchronized List<Sample> history() {
        return List.copyOf(samples);
    }

    private synchronized void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the chart shows a gap, the next sample goes on
            previous = null;
        }
    }

    synchronized void sample() {
        Reading now = new Reading(System.nanoTime(), processors.headOfStore(), totals(COMMAND_TIMER),
                totals(HANDLER_TIMER));
        if (previous != null) {
            double seconds = (now.nanos() - previous.nanos()) / 1e9;
            long commands = now.commands().count() - previous.commands().count();
            long handled = now.handlers().count() - previous.handlers().count();
            samples.addLast(new Sample(Instant.now(),
                    Math.max(0, now.head() - previous.head()) / seconds,
                    commands / seconds,
                    commands > 0 ? (now.commands().millis() - previous.commands().millis()) / commands : null,
                    now.commands().maxMillis(),
                    handled > 0 ? (now.handlers().millis() - previous.handlers().millis()) / handled : null));
            while (samples.size() > properties.capacity()) {
                samples.removeFirst();
            }
        }
        previous = now;
    }

    private Totals totals(String timerName) {
        Collection<Timer> timers = registry.find(timerName).timers();
        return new Totals(timers.stream().mapToLong(Timer::count).sum(),
                timers.stream().mapToDouble(timer -> timer.totalTime(TimeUnit.MILLISECONDS)).sum(),
                timers.stream().mapToDouble(timer -> timer.max(TimeUnit.MILLISECONDS)).max().orElse(0));
    }
}
