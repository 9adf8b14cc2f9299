package dev.eventshop.platform.cluster;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * Several nodes on one PostgreSQL: commits wake every node, and segments are shared out between them.
 * <p>
 * The event store is Axon's embedded one with a hook on commit ({@link NotifyingEventStore}). Defining it makes
 * Axon's JPA auto-configuration step back, storage engine and entities included, so both are declared here as
 * that auto-configuration declares them, but keeping old snapshots for time travel.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class ClusterConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return new SnapshotKeepingStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /** As Axon's auto-configured event store: the same monitor and spans. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    NotifyingEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration, JdbcTemplate jdbc,
                                   ClusterProperties properties) {
        return new NotifyingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)),
                jdbc, properties.notifyChannel());
    }

    @Bean
    CommitListener commitListener(DataSource dataSource, NotifyingEventStore eventStore, List<Cache> aggregateCaches,
                                  ObjectProvider<AggregatesChangedElsewhere> observers,
                                  ClusterProperties properties) {
        return new CommitListener(dataSource, eventStore, aggregateCaches, observers.orderedStream().toList(),
                properties);
    }

    @Bean
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                    ClusterProperties properties) {
        return new SegmentBalancer(processing, jdbc, properties);
    }
}
