package dev.eventshop.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Axon's buses, update emitter and event processors timed with {@link MessageTimers}, in place of the monitors of
 * Axon's Micrometer auto-configuration ({@code axon.metrics.auto-configuration.enabled: false}).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    private static final List<Class<?>> TIMED_COMPONENTS =
            List.of(CommandBus.class, EventBus.class, QueryBus.class, QueryUpdateEmitter.class);

    @Bean
    ConfigurerModule axonMessageTimers(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(
                configuration -> (componentType, componentName) -> monitor(componentType, componentName, registry));
    }

    private static MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName,
                                                      MeterRegistry registry) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return MessageTimers.forEventProcessor(componentName, registry);
        }
        if (TIMED_COMPONENTS.stream().anyMatch(type -> type.isAssignableFrom(componentType))) {
            return MessageTimers.forComponent(componentName, registry);
        }
        return NoOpMessageMonitor.instance();
    }
}
