package dev.eventshop.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.platform.privacy.PersonalDataProtection;
import dev.eventshop.platform.privacy.PersonalDataSerializer;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon runs here, beyond what {@code application.yml} can say. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SnapshotProperties.class, AggregateCacheProperties.class})
class AxonConfiguration {

    /**
     * A failing event handler fails its batch, which rolls back and is retried, instead of Axon's default of
     * logging and skipping the event: a view or saga that silently misses an event is worse than one that waits.
     */
    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Events as JSON, read strictly: an event whose stored JSON lacks a field its class has is an older shape that
     * needs an upcaster, not a field to fill with null in silence. (Otherwise as Axon's own Jackson event
     * serializer, on the application's ObjectMapper. Snapshots go through the general serializer; a snapshot of
     * another shape is dropped by its revision instead.)
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                               ObjectProvider<PersonalDataProtection> protection) {
        return new PersonalDataSerializer(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(AxonConfiguration.class.getClassLoader()))
                .objectMapper(objectMapper.copy().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES))
                .build(), protection::getObject);
    }

    @Bean
    SnapshotTriggerDefinition userSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.userThreshold());
    }

    @Bean
    SnapshotTriggerDefinition itemSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.itemThreshold());
    }

    @Bean
    Cache userCache(AggregateCacheProperties properties) {
        return aggregateCache(properties);
    }

    @Bean
    Cache itemCache(AggregateCacheProperties properties) {
        return aggregateCache(properties);
    }

    @Bean
    Cache orderCache(AggregateCacheProperties properties) {
        return aggregateCache(properties);
    }

    private static Cache aggregateCache(AggregateCacheProperties properties) {
        return properties.maxEntries() > 0 ? new AggregateCache(properties.maxEntries()) : NoCache.INSTANCE;
    }
}
