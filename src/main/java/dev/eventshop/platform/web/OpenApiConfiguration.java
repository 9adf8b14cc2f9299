package dev.eventshop.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The description of the HTTP API served at {@code /v3/api-docs} and committed under {@code openapi/}: HTTP Basic
 * as its security scheme (Swagger UI's Authorize button), and the problem details every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI eventShopApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("EventShop API")
                        .version("1")
                        .description("""
                                An event-sourced shop: customers top up a balance, the warehouse holds priced \
                                items, orders spend balance on stock through a saga. Amounts are integer cents; ids \
                                are UUIDs. Commands answer once their events are stored, with the aggregate version; \
                                views are eventually consistent and accept ?minVersion= to read your own writes. \
                                Sign in with HTTP Basic: customers with their e-mail and password, or admin. \
                                Errors are RFC 9457 problem details with a stable type and the offending field."""))
                // a relative server keeps the spec the same on every host and port
                .servers(List.of(new Server().url("/").description("this EventShop")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A customer's e-mail and password, "
                                        + "or admin and EVENTSHOP_ADMIN_PASSWORD")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Every operation may answer these problems; which ones depends on what it takes and who may call it. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema()); // here: springdoc rebuilds the schemas
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    addProblems(path, method, operation)));
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        add(responses, "400", "Invalid request: see type, field and errors");
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            add(responses, "401", "Not signed in, or wrong credentials");
            add(responses, "403", "Signed in, but this belongs to someone else or is for the admin");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(responses, "409", "The id or e-mail is taken, or a business rule is broken");
        }
        if (method == PathItem.HttpMethod.GET && hasParameter(operation, "minVersion")) {
            add(responses, "503", "The view has not caught up with minVersion yet: retry after Retry-After");
        }
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> name.equals(parameter.getName()));
    }

    private static void add(ApiResponses responses, String status, String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        responses.putIfAbsent(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                .addProperty("message", new StringSchema().example("must be greater than 0"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(Map.<String, Schema>of(
                        "type", new StringSchema().example("/problems/validation")
                                .description("Stable identifier of the kind of problem"),
                        "title", new StringSchema().example("Invalid request"),
                        "status", new IntegerSchema().example(400),
                        "detail", new StringSchema().example("lines[0].quantity: must be greater than 0"),
                        "instance", new StringSchema().example("/api/orders"),
                        "field", new StringSchema().example("lines[0].quantity")
                                .description("The first offending field, where there is one"),
                        "errors", new ArraySchema().items(fieldError)));
    }
}
