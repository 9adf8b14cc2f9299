package dev.eventshop.support;

import dev.eventshop.support.ApiContract.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checker of {@link ApiContract} catches a drift, and lets through what the description allows. */
class ApiContractTest {

    private static final String ORDER = "/api/orders/" + UUID.randomUUID();
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String REJECTED = """
            {"orderId":"o","userId":"u","lines":[{"itemId":"i","quantity":1,"unitPrice":null}],"total":null,
             "status":"REJECTED","reason":%s,"placedAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:01Z",
             "version":1}""";

    private final ApiContract contract = ApiContract.committed();

    @Test
    void aRejectedOrderWithItsNullsKeepsTheContract() {
        assertThat(contract.violations(get(ORDER, 200, JSON, REJECTED.formatted("\"INSUFFICIENT_FUNDS\""))))
                .isEmpty();
        assertThat(contract.violations(get(ORDER, 200, JSON, REJECTED.formatted("null")))).isEmpty();
    }

    @Test
    void anAnswerUnlikeItsSchemaIsAViolation() {
        assertThat(contract.violations(get(ORDER, 200, JSON, REJECTED.formatted("\"LOST_IN_THE_MAIL\""))))
                .singleElement().asString().contains("/reason", "LOST_IN_THE_MAIL");
        assertThat(contract.violations(get(ORDER, 200, JSON, "{\"orderId\":\"o\"}")))
                .singleElement().asString().contains("missing required properties");
    }

    @Test
    void anUndeclaredStatusOrContentTypeOrAMissingRetryAfterIsAViolation() {
        assertThat(contract.violations(get(ORDER, 418, PROBLEM, problem(418))))
                .singleElement().asString().contains("validation.response.status.unknown");
        assertThat(contract.violations(get(ORDER, 404, JSON, problem(404))))
                .singleElement().asString().contains("validation.response.contentType.notAllowed");
        assertThat(contract.violations(get(ORDER, 503, PROBLEM, problem(503))))
                .singleElement().asString().contains("Retry-After");
    }

    @Test
    void aRequestOutsideTheDescriptionMustBeRefused() {
        Exchange refused = exchange("POST", "/api/users", "text/plain", "name=A", 415, PROBLEM, problem(415));
        Exchange accepted = exchange("POST", "/api/users", JSON, "{\"name\":\"A\"}", 201, JSON,
                "{\"userId\":\"u\",\"version\":0}");

        assertThat(contract.violations(refused)).isEmpty();
        assertThat(contract.violations(accepted)).singleElement().asString()
                .contains("accepted a request the description forbids", "email");
    }

    @Test
    void anUndescribedPathUnderApiMustBeRefusedWithAProblemAndTheRestIsNotChecked() {
        assertThat(contract.violations(get("/api/nowhere", 404, PROBLEM, problem(404)))).isEmpty();
        assertThat(contract.violations(get("/api/nowhere", 200, JSON, "{}"))).hasSize(1);
        assertThat(contract.violations(get("/actuator/health", 200, "application/vnd.spring-boot.actuator.v3+json",
                "{\"status\":\"UP\"}"))).isEmpty();
    }

    @Test
    void eachEventOfAStreamIsChecked() {
        String good = "event:order\nid:REJECTED\ndata:" + REJECTED.formatted("\"TIMEOUT\"").replace("\n", "")
                + "\n\n";
        String bad = "event:order\nid:REJECTED\ndata:{\"status\":\"GONE\"}\n\n";

        assertThat(contract.violations(get(ORDER + "/updates", 200, "text/event-stream", good))).isEmpty();
        assertThat(contract.violations(get(ORDER + "/updates", 200, "text/event-stream", good + bad)))
                .singleElement().asString().contains("GONE");
    }

    @Test
    void aViolationFailsWithWhatIsWrongAndHowToRegenerate() {
        assertThatThrownBy(() -> contract.check(get(ORDER, 200, JSON, REJECTED.formatted("7"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET " + ORDER + " -> 200 application/json breaks the API description")
                .hasMessageContaining("/reason")
                .hasMessageContaining("-Dopenapi.update=true");
    }

    private static Exchange get(String path, int status, String contentType, String body) {
        return exchange("GET", path, null, null, status, contentType, body);
    }

    private static Exchange exchange(String method, String path, String requestType, String requestBody,
                                     int status, String contentType, String body) {
        HttpHeaders request = new HttpHeaders();
        request.setBasicAuth("admin", "secret");
        if (requestType != null) {
            request.set(HttpHeaders.CONTENT_TYPE, requestType);
        }
        HttpHeaders response = new HttpHeaders();
        response.set(HttpHeaders.CONTENT_TYPE, contentType);
        return new Exchange(method, URI.create("http://127.0.0.1" + path), request,
                requestBody == null ? new byte[0] : requestBody.getBytes(StandardCharsets.UTF_8),
                status, response, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(int status) {
        return "{\"type\":\"/problems/x\",\"title\":\"X\",\"status\":" + status + "}";
    }
}
