package dev.eventshop.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The description of the HTTP API served at {@code /v3/api-docs} and committed under {@code openapi/}: HTTP Basic
 * as its security scheme (Swagger UI's Authorize button), every status an operation can answer with the problem
 * details it then carries, and answers whose every property is present, null only where it says so.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PAGE_AFTER = "after";

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

    /**
     * The problems every operation may answer, found from what it takes and who may call it (see
     * SecurityConfiguration and the problem handlers); a handler declares those of its own (409) itself.
     */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            describePaging(operation);
            addProblems(operation, handler);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemSchemaAndCompleteAnswers() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema()); // here: springdoc rebuilds the schemas
            everyPropertyOfAnAnswerIsPresent(api);
            nullableEnumsAllowNull(api.getComponents().getSchemas());
        };
    }

    /**
     * A paged list (one that takes {@code after}) says how paging works: the parameters, and the Link header
     * naming the next page (see {@link Pages}).
     */
    private static void describePaging(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().noneMatch(parameter -> PAGE_AFTER.equals(parameter.getName()))) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (PAGE_AFTER.equals(parameter.getName())) {
                parameter.description("The cursor of the page to read: pass on the one the Link header of the "
                        + "previous page named (opaque); without it, the first page");
            } else if ("limit".equals(parameter.getName())) {
                parameter.description("The most elements on the page");
            }
        }
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null) {
            ok.description(ok.getDescription() + "; a page of the list").addHeaderObject("Link", new Header()
                    .description("<the next page's path and query>; rel=\"next\" (RFC 8288), absent on the "
                            + "last page")
                    .schema(new StringSchema()));
        }
    }

    private static void addProblems(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(parameter -> isChecked(parameter.getSchema()))) {
            add(responses, "400", "Invalid request: a parameter or field breaks its rule (see type, field and "
                    + "errors), or the body is not the JSON expected");
        }
        // Basic credentials that are sent are checked, also where signing in is optional
        add(responses, "401", open ? "Wrong credentials (signing in is optional here)"
                : "Not signed in, or wrong credentials").addHeaderObject("WWW-Authenticate", new Header()
                .description("Basic realm=\"EventShop\"; not sent to a script (X-Requested-With: XMLHttpRequest)")
                .schema(new StringSchema()));
        if (!open) {
            add(responses, "403", "Signed in, but this belongs to someone else or is for the admin");
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))
                && !handler.hasMethodAnnotation(NeverNotFound.class)) {
            add(responses, "404", "No such resource");
        }
        add(responses, "406", "The Accept header allows none of the media types this operation answers");
        if (body) {
            add(responses, "413", "The body is larger than eventshop.request-body.max-size (64 KB by default)");
            add(responses, "415", "The body is not sent as application/json");
        }
        add(responses, "429", "Too many failed sign-ins for the account or from the address (or, for a "
                + "registration or an order, too many of them): retry after Retry-After")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                        .required(true).schema(new IntegerSchema()));
        add(responses, "500", "A fault of the service, logged; nothing of its internals is answered");
        add(responses, "503", "The database is unavailable, or (with minVersion) the view has not caught up "
                + "with that version yet: retry after Retry-After").addHeaderObject("Retry-After", new Header()
                .description("Seconds to wait before retrying").required(true).schema(new IntegerSchema()));
        // every error is a problem, also one a handler declares for its own reasons
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
            }
        });
    }

    /** A parameter the service can refuse: anything but free text. */
    private static boolean isChecked(Schema<?> schema) {
        return schema != null && (!"string".equals(schema.getType()) || schema.getPattern() != null
                || schema.getFormat() != null || schema.getEnum() != null || schema.getMinLength() != null
                || schema.getMaxLength() != null);
    }

    private static ApiResponse add(ApiResponses responses, String status, String description) {
        return responses.computeIfAbsent(status, unused -> new ApiResponse().description(description));
    }

    /**
     * Jackson writes every property of an answer, null or not: the schemas of answers (not those of request
     * bodies, whose optional fields may be left out) require them all, and a client may rely on their presence.
     */
    @SuppressWarnings("rawtypes")
    private static void everyPropertyOfAnAnswerIsPresent(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> requests = new HashSet<>();
        Set<String> answers = new HashSet<>();
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> collect(media.getSchema(), schemas, requests));
            }
            operation.getResponses().values().stream()
                    .filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().values()
                            .forEach(media -> collect(media.getSchema(), schemas, answers)));
        }));
        answers.removeAll(requests);
        answers.remove(PROBLEM); // Spring leaves out the members of a problem that are not set
        for (String name : answers) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(new TreeSet<>(schema.getProperties().keySet())));
            }
        }
    }

    /** The names of the component schemas that a schema refers to, at any depth. */
    @SuppressWarnings("rawtypes")
    private static void collect(Schema<?> schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        collect(schema.getItems(), schemas, names);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, schemas, names);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, schemas, names));
        }
    }

    /**
     * An enum that may be null lists null among its values: an OpenAPI 3.0 validator checks {@code enum} on its
     * own, so {@code nullable} alone would not let null through.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableEnumsAllowNull(Map<String, Schema> schemas) {
        schemas.values().stream()
                .filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> ((Map<String, Schema>) schema.getProperties()).values().stream())
                .filter(property -> Boolean.TRUE.equals(property.getNullable()) && property.getEnum() != null
                        && !property.getEnum().contains(null))
                .forEach(property -> property.getEnum().add(null));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                .addProperty("message", new StringSchema().example("must be greater than 0"))
                .required(List.of("field", "message"));
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
                        "errors", new ArraySchema().items(fieldError)
                                .description("Every offending field, where there are any")))
                .required(List.of("status", "title", "type"));
    }
}
