package dev.eventshop.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyConfiguration.RequestBodyProperties.class)
class RequestBodyConfiguration {

    /** @param maxSize the largest request body accepted; a larger one is answered 413 */
    @ConfigurationProperties("eventshop.request-body")
    record RequestBodyProperties(@DefaultValue("64KB") DataSize maxSize) {
    }

    /** First of all filters, before sign-in: a body too large is refused whoever sends it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestBodyProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
