package dev.eventshop.platform.projections;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Registers the two processors of every projection with Axon, one per slot, each with its own handler instances,
 * dead-letter queue and tokens. They do not start with Axon: {@link GenerationCoordinator} starts a slot's
 * processor on the nodes that build or read the generation it holds.
 *
 * <p>Tracking processors, a thread per segment, each blocking on the event stream: woken at once by a commit on
 * this node, and by a NOTIFY from another (platform/cluster). (Axon's pooled processors poll an idle stream every
 * 500 ms instead: too slow for order confirmation.) An event a handler cannot handle is dead-lettered: that
 * sequence waits in {@code dead_letter_entry} for a retry while every other sequence goes on.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
class ProjectionProcessingConfiguration {

    @Autowired
    void registerProcessors(EventProcessingConfigurer processing, ProjectionCatalog catalog,
                            ProjectionProperties properties, ObjectProvider<Generations> generations,
                            ObjectProvider<EntityManagerProvider> entityManagers,
                            ObjectProvider<TransactionManager> transactions,
                            ObjectProvider<JdbcTemplate> jdbc) {
        for (ProjectionDefinition definition : catalog.definitions()) {
            for (ProjectionSlot slot : catalog.slots(definition.name())) {
                String name = slot.processorName();
                List<Object> handlers = definition.handlers().apply(slot);
                handlers.forEach(handler -> processing.registerEventHandler(configuration -> handler));
                processing.assignHandlerInstancesMatching(name, candidate -> handlers.stream()
                        .anyMatch(handler -> handler == candidate));
                processing.registerTrackingEventProcessor(name, Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration
                                .forParallelProcessing(properties.threadCount())
                                .andBatchSize(properties.batchSize())
                                .andInitialSegmentsCount(properties.initialSegmentCount())
                                .andTokenClaimInterval(properties.tokenClaimInterval().toMillis(),
                                        TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(source -> startOf(slot, source, generations.getObject()))
                                .andAutoStart(false));
                processing.registerDeadLetterQueue(name, configuration -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .entityManagerProvider(entityManagers.getObject())
                        .transactionManager(transactions.getObject())
                        .genericSerializer(configuration.serializer())
                        .eventSerializer(configuration.eventSerializer())
                        .build());
                // remember which sequences have no dead letter instead of asking the database for every event
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(name,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
                processing.registerHandlerInterceptor(name, configuration -> new GenerationGuard(slot));
                processing.registerHandlerInterceptor(name, configuration ->
                        new AsynchronousRebuildCommits(slot, jdbc));
                if (definition.sequencingPolicy() != null) {
                    processing.registerSequencingPolicy(name, configuration -> definition.sequencingPolicy());
                }
            }
        }
    }

    /** Where a new generation's processor starts: the start of the store, or the index its generation names. */
    private static TrackingToken startOf(ProjectionSlot slot, StreamableMessageSource<TrackedEventMessage<?>> source,
                                         Generations generations) {
        Long startIndex = generations.inSlot(slot.projection(), slot.color())
                .map(Generation::startIndex).orElse(null);
        return startIndex == null ? source.createTailToken() : GapAwareTrackingToken.newInstance(startIndex, List.of());
    }
}
