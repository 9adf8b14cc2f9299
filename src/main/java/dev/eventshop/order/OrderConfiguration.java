package dev.eventshop.order;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    static final String ORDERS_PROJECTION = "orders";
    /** Axon's name for the saga's processing group: the saga's simple name plus "Processor". */
    static final String SAGA_PROCESSOR = "OrderSagaProcessor";

    @Autowired
    void sequenceOrdersViewByOrder(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(ORDERS_PROJECTION, configuration -> new OrderSequencingPolicy());
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
