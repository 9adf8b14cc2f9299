package dev.eventshop.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.micrometer.TagsUtil;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the messages one Axon component handles, per payload type, under the meter names and tags of Axon's own
 * dimensional monitors ({@code <prefix>.allTimer}, {@code .successTimer}, {@code .failureTimer},
 * {@code .ignoredTimer}, and an event processor's {@code .latency}).
 *
 * <p>Why not Axon's monitors: they look their meters up in the registry again for every message, through every
 * Micrometer filter (four timers, four counters, a capacity and a latency gauge), and publish six client-side
 * percentiles. That was a third of a replay's time (BENCHMARKS.md). Here each payload type's timers are registered
 * once and kept; a timer's count is the message count, and percentiles or histograms can still be switched on with
 * Spring Boot's {@code management.metrics.distribution.*} properties.
 */
final class MessageTimers implements MessageMonitor<Message<?>> {

    private final String prefix;
    private final Tags componentTags;
    private final MeterRegistry registry;
    private final ConcurrentMap<Class<?>, Timers> byPayloadType = new ConcurrentHashMap<>();
    /** How long ago the last event handled was published (event processors only; null otherwise). */
    private final AtomicLong latencyMillis;

    private MessageTimers(String prefix, Tags componentTags, MeterRegistry registry, boolean measureLatency) {
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.registry = registry;
        this.latencyMillis = measureLatency ? new AtomicLong() : null;
        if (measureLatency) {
            Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::get)
                    .description("How long before it was handled the last event handled was published")
                    .baseUnit("milliseconds")
                    .tags(componentTags)
                    .register(registry);
        }
    }

    /** A bus or emitter: meters named after it, tagged with the payload type. */
    static MessageTimers forComponent(String componentName, MeterRegistry registry) {
        return new MessageTimers(componentName, Tags.empty(), registry, false);
    }

    /** An event processor: meters named {@code eventProcessor.*}, tagged with the processor and the payload type. */
    static MessageTimers forEventProcessor(String processorName, MeterRegistry registry) {
        return new MessageTimers("eventProcessor", Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName), registry,
                true);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Timers timers = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            latencyMillis.set(System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
        }
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                timers.record(timers.success(), started);
            }

            @Override
            public void reportFailure(Throwable cause) {
                timers.record(timers.failure(), started);
            }

            @Override
            public void reportIgnored() {
                timers.record(timers.ignored(), started);
            }
        };
    }

    private Timers register(Class<?> payloadType) {
        Tags tags = componentTags.and(TagsUtil.PAYLOAD_TYPE_TAG, payloadType.getSimpleName());
        return new Timers(timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name).tags(tags).register(registry);
    }

    private record Timers(Timer all, Timer success, Timer failure, Timer ignored) {

        void record(Timer outcome, long startedNanos) {
            long nanos = System.nanoTime() - startedNanos;
            all.record(nanos, TimeUnit.NANOSECONDS);
            outcome.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
