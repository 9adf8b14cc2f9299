package dev.eventshop.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The description of the HTTP API served at {@code /v3/api-docs} and committed under {@code openapi/}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI eventShopApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("EventShop API")
                        .version("1")
                        .description("""
                                An event-sourced shop: customers top up a balance, the warehouse holds priced \
                                items, orders spend balance on stock through a saga. Amounts are integer cents. \
                                Commands answer once their events are stored; views are eventually consistent \
                                and carry the aggregate version they reflect. Errors are RFC 9457 problem details."""))
                // a relative server keeps the spec the same on every host and port
                .servers(List.of(new Server().url("/").description("this EventShop")));
    }
}
