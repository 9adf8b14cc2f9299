package dev.eventshop.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The committed OpenAPI description ({@code openapi/eventshop.json}) as a contract that every exchange of the
 * integration tests must keep: {@link ShopClient} (and any other client given {@link #interceptor()}) checks each
 * answer it receives, so that the service and its description cannot drift apart unnoticed.
 *
 * <p>The rules:
 * <ul>
 *   <li>Every answer to a described operation matches the description: a declared status, a declared content
 *       type, its schema (types, required and nullable properties, enums, patterns) and required headers.</li>
 *   <li>A request the description forbids (a missing field, a malformed id, the wrong content type, no
 *       credentials, a body that is not JSON) is fine for a test to send on purpose, but must be refused with a
 *       4xx: its answer is checked like any other, and accepting it is a violation.</li>
 *   <li>A request under {@code /api/} that no operation describes must be refused with a 4xx problem.</li>
 *   <li>An event stream ({@code text/event-stream}) is checked like any answer but for its body, of which each
 *       event's {@code data} is checked against the schema that the stream's {@code x-event-data} names.</li>
 *   <li>Not checked, because the description does not cover them: the actuator ({@code /actuator}), the dashboard
 *       page and its scripts ({@code /dashboard}, {@code /webjars}), Swagger UI and the description itself
 *       ({@code /swagger-ui}, {@code /v3/api-docs}): everything outside {@code /api/}.</li>
 * </ul>
 */
public final class ApiContract {

    static final Path SPEC = Path.of("openapi", "eventshop.json");
    private static final String DESCRIBED = "/api/";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String BODY_MISSING = "validation.response.body.missing";
    /** Where the description names the schema of each event's data: a stream's body is text to JSON Schema. */
    private static final String EVENT_DATA = "x-event-data";

    private static volatile ApiContract committed;

    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final SchemaValidator schemas;

    private ApiContract(Path spec) {
        String location = spec.toAbsolutePath().toUri().toString();
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(location)
                // the service ignores a body where an operation takes none (tests post {} to start a processor)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIParser().readLocation(location, null, options).getOpenAPI();
        this.operations = new ApiOperationResolver(api, null, false);
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    /** The description committed under {@code openapi/}, read once. */
    public static ApiContract committed() {
        if (committed == null) {
            synchronized (ApiContract.class) {
                if (committed == null) {
                    committed = new ApiContract(SPEC);
                }
            }
        }
        return committed;
    }

    /** For a RestClient or RestTemplate: checks every exchange, and fails the test on the first violation. */
    public static ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            ClientHttpResponse response = execution.execute(request, body);
            byte[] answer;
            try (InputStream in = response.getBody()) {
                answer = in.readAllBytes(); // an event stream too: it ends by itself
            }
            committed().check(new Exchange(request.getMethod().name(), request.getURI(), request.getHeaders(), body,
                    response.getStatusCode().value(), response.getHeaders(), answer));
            return new BufferedResponse(response, answer);
        };
    }

    /** One request and its answer, as sent and received. */
    public record Exchange(String method, URI uri, HttpHeaders requestHeaders, byte[] requestBody,
                           int status, HttpHeaders responseHeaders, byte[] responseBody) {

        String summary() {
            return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " -> " + status + " " + responseHeaders.getContentType();
        }
    }

    /** Fails with every violation of the exchange, readably. */
    public void check(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError(exchange.summary() + " breaks the API description " + SPEC + ":\n  - "
                    + String.join("\n  - ", violations)
                    + "\n  request body: " + abbreviated(exchange.requestBody())
                    + "\n  answer: " + abbreviated(exchange.responseBody())
                    + "\nIf the service is right, describe the change (controllers, records, OpenApiConfiguration) "
                    + "and regenerate the file: ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true");
        }
    }

    /** What is wrong with an exchange: nothing when it keeps the contract or lies outside the described API. */
    public List<String> violations(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (!path.startsWith(DESCRIBED)) {
            return List.of();
        }
        Request.Method method = Request.Method.valueOf(exchange.method());
        if (method == Request.Method.HEAD || method == Request.Method.OPTIONS) {
            // HTTP gives every resource these two (RFC 9110, 9.3.2 and 9.3.7); the description names GET only
            return operations.findApiOperation(path, Request.Method.GET).isPathFound() ? List.of()
                    : List.of("no resource is described at " + path);
        }
        ApiOperationMatch match = operations.findApiOperation(path, method);
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return isProblem(exchange, exchange.status() >= 400 && exchange.status() < 500) ? List.of()
                    : List.of("no operation is described for " + exchange.method() + " " + path
                            + ", so it must be refused with a 4xx problem");
        }
        List<String> violations = new ArrayList<>();
        ValidationReport request = validator.validateRequest(request(exchange));
        if (request.hasErrors() && !(exchange.status() >= 400 && exchange.status() < 500)) {
            violations.add("the service accepted a request the description forbids: " + describe(request));
        }
        ValidationReport response = isEventStream(exchange)
                ? eventStream(exchange, path, method, match)
                : validator.validateResponse(path, method, response(exchange, true));
        if (response.hasErrors()) {
            violations.add("the answer: " + describe(response));
        }
        return violations;
    }

    private ValidationReport eventStream(Exchange exchange, String path, Request.Method method,
                                         ApiOperationMatch match) {
        ValidationReport report = ValidationReport.from(validator.validateResponse(path, method,
                response(exchange, false)).getMessages().stream()
                .filter(message -> !BODY_MISSING.equals(message.getKey()))
                .toList());
        ApiResponse declared = match.getApiOperation().getOperation().getResponses()
                .get(String.valueOf(exchange.status()));
        Content content = declared == null ? null : declared.getContent();
        io.swagger.v3.oas.models.media.MediaType stream = content == null ? null : content.get(EVENT_STREAM);
        Object eventData = stream == null || stream.getExtensions() == null ? null
                : stream.getExtensions().get(EVENT_DATA);
        if (!(eventData instanceof Map<?, ?> reference) || !(reference.get("$ref") instanceof String ref)) {
            return report;
        }
        Schema<?> schema = new Schema<>().$ref(ref);
        for (String data : dataOf(new String(exchange.responseBody(), StandardCharsets.UTF_8))) {
            report = report.merge(schemas.validate(data, schema, "response.body"));
        }
        return report;
    }

    /** The data of each event of a stream (its {@code data:} lines joined, as a browser's EventSource does). */
    private static List<String> dataOf(String stream) {
        List<String> events = new ArrayList<>();
        for (String event : stream.replace("\r\n", "\n").split("\n\n")) {
            String data = event.lines()
                    .filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring("data:".length()).replaceFirst("^ ", ""))
                    .collect(Collectors.joining("\n"));
            if (!data.isEmpty()) {
                events.add(data);
            }
        }
        return events;
    }

    private static Request request(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.uri().getRawPath());
        exchange.requestHeaders().forEach(request::withHeader);
        queryOf(exchange.uri()).forEach(request::withQueryParam);
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(Exchange exchange, boolean withBody) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (withBody && exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static Map<String, List<String>> queryOf(URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static boolean isEventStream(Exchange exchange) {
        MediaType type = exchange.responseHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM);
    }

    private static boolean isProblem(Exchange exchange, boolean refused) {
        MediaType type = exchange.responseHeaders().getContentType();
        return refused && type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage()
                        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
                .collect(Collectors.joining("; "));
    }

    private static String abbreviated(byte[] body) {
        if (body == null || body.length == 0) {
            return "(none)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    /** The answer again, for the client to read after it was checked. */
    private record BufferedResponse(ClientHttpResponse received, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return received.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return received.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return received.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            received.close();
        }
    }
}
