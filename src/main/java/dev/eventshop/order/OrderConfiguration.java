package dev.eventshop.order;

import dev.eventshop.common.SettledOrderGuard;
import dev.eventshop.order.api.FindOrder;
import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionDefinition;
import dev.eventshop.platform.views.ViewUpdates;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    /** Axon's name for the saga's processing group: the saga's simple name plus "Processor". */
    static final String SAGA_PROCESSOR = "OrderSagaProcessor";

    /**
     * The orders projection, built and served blue/green by platform/projections: the orders view and each order's
     * story, sequenced by order id (it takes events from orders, items and users).
     */
    @Bean
    ProjectionDefinition ordersProjection(OrderEntryRepository orders, ViewUpdates updates, JdbcTemplate jdbc,
                                          NewRows rows) {
        return ProjectionDefinition.of(OrderProjection.NAME, OrderProjection.VERSION,
                        List.of("order_view", "order_view_line", "order_story_event"),
                        slot -> List.of(new OrderProjection(slot, orders, updates, rows), new OrderStory(slot, jdbc)))
                .sequencedBy(new OrderSequencingPolicy())
                .followedBy(FindOrder.class);
    }

    /** Steps of a settled order (a reservation, a debit, a release, a refund) reach no user or item. */
    @Autowired
    void guardSettledOrders(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(new SettledOrderGuard(new SettledOrdersInStore(eventStore)));
    }

    /** Registered after Axon's own registration of the saga (a later one replaces it), to swap its manager. */
    @Autowired
    void routeSagaEventsByOrder(EventProcessingConfigurer processing) {
        processing.registerSaga(OrderSaga.class,
                saga -> saga.configureSagaManager(OrderConfiguration::orderSagaManager));
    }

    /** As Axon builds a saga's manager by default, but of the class that routes events by order. */
    private static OrderSagaManager orderSagaManager(org.axonframework.config.Configuration configuration) {
        return new OrderSagaManager(AnnotatedSagaManager.<OrderSaga>builder()
                .sagaType(OrderSaga.class)
                .sagaRepository(configuration.eventProcessingConfiguration().sagaConfiguration(OrderSaga.class)
                        .repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(OrderSaga.class))
                .listenerInvocationErrorHandler(configuration.eventProcessingConfiguration()
                        .listenerInvocationErrorHandler(SAGA_PROCESSOR))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)));
    }
}
