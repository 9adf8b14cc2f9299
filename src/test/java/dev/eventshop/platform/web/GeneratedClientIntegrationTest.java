package dev.eventshop.platform.web;

import dev.eventshop.client.ApiClient;
import dev.eventshop.client.ApiException;
import dev.eventshop.client.api.CustomersApi;
import dev.eventshop.client.api.ItemsApi;
import dev.eventshop.client.api.OrdersApi;
import dev.eventshop.client.model.AuditEntry;
import dev.eventshop.client.model.LineRequest;
import dev.eventshop.client.model.NewItemRequest;
import dev.eventshop.client.model.OrderRequest;
import dev.eventshop.client.model.OrderView;
import dev.eventshop.client.model.RegistrationRequest;
import dev.eventshop.client.model.TopUpRequest;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated at build time from the committed openapi/eventshop.json (openapi-generator, Java native)
 * runs a whole purchase: if the spec described the API wrongly, this would not compile or not pass.
 */
class GeneratedClientIntegrationTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void aCustomerBuysWithTheGeneratedClient() throws Exception {
        String email = "generated-" + UUID.randomUUID() + "@example.com";
        String userId = new CustomersApi(client(null, null))
                .registerUser(new RegistrationRequest().name("Gen").email(email).password("generated-secret"))
                .getUserId();
        CustomersApi customer = new CustomersApi(client(email, "generated-secret"));
        ItemsApi admin = new ItemsApi(client("admin", ShopClient.ADMIN_PASSWORD));
        OrdersApi orders = new OrdersApi(client(email, "generated-secret"));

        customer.topUpBalance(userId, new TopUpRequest().amount(1_000L));
        String itemId = admin.addItem(new NewItemRequest().name("Generated pen").price(250L).stock(4)).getItemId();
        String orderId = orders.placeOrder(new OrderRequest().userId(userId)
                .lines(List.of(new LineRequest().itemId(itemId).quantity(2)))).getOrderId();

        OrderView order = orders.getOrder(orderId, 1L); // read-your-writes: wait for the outcome
        assertThat(order.getStatus()).isEqualTo(OrderView.StatusEnum.CONFIRMED);
        assertThat(order.getTotal()).isEqualTo(500);
        assertThat(customer.getUser(userId, 2L, null).getBalance()).isEqualTo(500);
        assertThat(orders.getOrderEvents(orderId, null, null)).extracting(AuditEntry::getType)
                .containsExactly("OrderPlaced", "StockReserved", "BalanceDebited", "OrderConfirmed");
        assertThat(new ItemsApi(client(null, null)).getItem(itemId, 1L, null).getStock()).isEqualTo(2);
    }

    @Test
    void problemsReachTheGeneratedClientAsDescribed() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new CustomersApi(client(null, null))
                .registerUser(new RegistrationRequest().name("").email("x@example.com").password("generated-secret")));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.getResponseBody()).contains("\"type\":\"/problems/validation\"", "\"field\":\"name\"");
    }

    private ApiClient client(String username, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        if (username != null) {
            String basic = Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        }
        return client;
    }
}
