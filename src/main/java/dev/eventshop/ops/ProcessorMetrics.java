package dev.eventshop.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What an operator's monitoring needs of the event processors: a lag gauge per processor (events behind the
 * head of the store) for Prometheus, and a health component that is DOWN while a processor is in error.
 */
@Component("eventProcessors")
class ProcessorMetrics implements HealthIndicator {

    private final ProcessorOperations processors;
    private final MeterRegistry registry;

    ProcessorMetrics(ProcessorOperations processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    /** Once the application is up: Axon registers its processors late in start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void registerLagGauges() {
        processors.names().forEach(name -> Gauge.builder("eventshop.processor.lag", () -> processors.one(name).lag())
                .description("Events in the store that the processor has not handled yet")
                .baseUnit("events")
                .tag("processor", name)
                .register(registry));
    }

    @Override
    public Health health() {
        List<ProcessorStatus> all = processors.all();
        Health.Builder health = all.stream().anyMatch(ProcessorStatus::error) ? Health.down() : Health.up();
        all.forEach(processor -> health.withDetail(processor.name(), processor.error() ? "error"
                : processor.running() ? "running, lag " + processor.lag() : "stopped"));
        return health.build();
    }
}
