package dev.eventshop.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Drives the running service over real HTTP, as a client would; signed in as the admin unless told otherwise. Every
 * exchange is checked against the committed OpenAPI description ({@link ApiContract}): a request a test makes
 * outside it on purpose ({@link #raw}, say) must be refused with a 4xx, and every answer must be as described.
 */
public class ShopClient {

    /** The admin password the tests configure ({@code eventshop.security.admin-password}). */
    public static final String ADMIN_PASSWORD = "admin-secret-for-tests";
    public static final String CUSTOMER_PASSWORD = "customer-password";
    /** The feed consumer account the integration tests configure. */
    public static final String FEED_CONSUMER = "test-feed";
    public static final String FEED_SECRET = "feed-secret-for-tests";

    private final int port;
    private final String username;
    private final String password;
    private final RestClient http;

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    public ShopClient(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    private ShopClient(int port, String username, String password) {
        this.port = port;
        this.username = username;
        this.password = password;
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> { }) // tests look at every status
                .requestInterceptor(ApiContract.interceptor()); // every answer keeps the API description
        if (username != null) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(username, password));
        }
        this.http = builder.build();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The same service, signed in as someone else. */
    public ShopClient as(String username, String password) {
        return new ShopClient(port, username, password);
    }

    public ShopClient as(Customer customer) {
        return as(customer.email(), CUSTOMER_PASSWORD);
    }

    public ShopClient anonymous() {
        return new ShopClient(port, null, null);
    }

    /** The {@code Authorization} header value this client sends, for other HTTP clients. */
    public String authorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A registered customer, who signs in with {@code email} and {@link #CUSTOMER_PASSWORD}. */
    public record Customer(String userId, String email) {
    }

    public Customer registerCustomer(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        var answer = post("/api/users", Map.of("name", name, "email", email, "password", CUSTOMER_PASSWORD));
        return new Customer(required(answer, 201).get("userId").asText(), email);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    /** A request exactly as given: any method, content type and body text (or none). */
    public ResponseEntity<JsonNode> raw(String method, String path, String contentType, String body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (contentType != null) {
            request = request.contentType(MediaType.parseMediaType(contentType));
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** Only the status of a request, whatever its answer's content type (event streams included). */
    public int status(String method, String path, Object jsonBody, String accept) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Accept", accept);
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.retrieve().toEntity(String.class).getStatusCode().value();
    }

    /** A plain-text answer, such as a Prometheus scrape. */
    public String text(String path) {
        return http.get().uri(path).accept(MediaType.TEXT_PLAIN).retrieve().body(String.class);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    /** The path and query of the next page a paged answer names in its Link header; null on the last page. */
    public static String nextPage(ResponseEntity<?> page) {
        String link = page.getHeaders().getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        if (!next.matches()) {
            throw new AssertionError("Not a Link to a next page: " + link);
        }
        return next.group(1);
    }

    /**
     * Every element of a paged list, following its Link headers from {@code path}; {@code betweenPages} runs after
     * each page (to change the list while it is paged).
     */
    public List<JsonNode> allPages(String path, Runnable betweenPages) {
        List<JsonNode> elements = new ArrayList<>();
        for (String next = path; next != null; ) {
            ResponseEntity<JsonNode> page = get(next);
            if (page.getStatusCode().value() != 200) {
                throw new AssertionError(next + " answered " + page.getStatusCode() + ": " + page.getBody());
            }
            page.getBody().forEach(elements::add);
            next = nextPage(page);
            betweenPages.run();
        }
        return elements;
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return http.delete().uri(path).retrieve().toEntity(JsonNode.class);
    }

    public String registerUser(String name) {
        return registerCustomer(name).userId();
    }

    public long topUp(String userId, long amount) {
        return required(post("/api/users/" + userId + "/top-ups", Map.of("amount", amount)), 200)
                .get("balance").asLong();
    }

    public String addItem(String name, long price, int stock) {
        var answer = post("/api/items", Map.of("name", name, "price", price, "stock", stock));
        return required(answer, 201).get("itemId").asText();
    }

    public String placeOrder(String userId, Map<String, Integer> quantitiesByItem) {
        List<Map<String, Object>> lines = quantitiesByItem.entrySet().stream()
                .map(e -> Map.<String, Object>of("itemId", e.getKey(), "quantity", e.getValue()))
                .toList();
        var answer = post("/api/orders", Map.of("userId", userId, "lines", lines));
        return required(answer, 202).get("orderId").asText();
    }

    /** Waits until the orders view shows the order CONFIRMED or REJECTED, and returns it. */
    public JsonNode awaitTerminal(String orderId) {
        AtomicReference<JsonNode> order = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var answer = get("/api/orders/" + orderId);
            if (answer.getStatusCode().value() != 200) {
                return false;
            }
            order.set(answer.getBody());
            return !"PENDING".equals(answer.getBody().get("status").asText());
        });
        return order.get();
    }

    /** Waits until a view (user or item) has caught up with the given aggregate version, and returns it. */
    public JsonNode awaitVersion(String path, long version) {
        AtomicReference<JsonNode> view = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var answer = get(path);
            if (answer.getStatusCode().value() != 200 || answer.getBody().get("version").asLong() < version) {
                return false;
            }
            view.set(answer.getBody());
            return true;
        });
        return view.get();
    }

    private static JsonNode required(ResponseEntity<JsonNode> answer, int status) {
        if (answer.getStatusCode().value() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + answer.getStatusCode() + ": "
                    + answer.getBody());
        }
        return answer.getBody();
    }
}
