package dev.eventshop.order;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    static final String ORDERS_PROJECTION = "orders";

    @Autowired
    void sequenceOrdersViewByOrder(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(ORDERS_PROJECTION, configuration -> new OrderSequencingPolicy());
    }
}
