package dev.eventshop.platform.feed;

import com.fasterxml.jackson.databind.Module;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    /** Spring's ObjectMapper writes CloudEvents in their structured JSON form (the SDK's own serializer). */
    @Bean
    Module cloudEventsJson() {
        return JsonFormat.getCloudEventJacksonModule();
    }
}
