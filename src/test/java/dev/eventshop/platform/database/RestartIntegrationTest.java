package dev.eventshop.platform.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventshop.EventShopApplication;
import dev.eventshop.item.api.StockReserved;
import dev.eventshop.support.IntegrationTest;
import dev.eventshop.support.ShopClient;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stops the whole service, embedded PostgreSQL included, and starts it again on the same data directory. */
class RestartIntegrationTest {

    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(8);

    /** While set, the order saga cannot take in reservations: its orders stay PENDING. */
    static final AtomicBoolean HOLD_RESERVATIONS = new AtomicBoolean();

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        HOLD_RESERVATIONS.set(false);
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everythingIsStillThereAfterARestartAndAggregatesCarryOn() {
        Path data = IntegrationTest.newDataDirectory("restart");
        ShopClient shop = start(data);
        String user = shop.registerUser("ann");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 150, 5);
        JsonNode order = shop.awaitTerminal(shop.placeOrder(user, Map.of(pen, 2)));
        long events = countEvents();
        service.close();

        shop = start(data);

        assertThat(countEvents()).isEqualTo(events);
        assertThat(shop.get("/api/orders/" + order.get("orderId").asText()).getBody().get("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(shop.awaitVersion("/api/users/" + user, 2).get("balance").asLong()).isEqualTo(700);
        assertThat(shop.topUp(user, 1)).isEqualTo(701);
        assertThat(shop.awaitVersion("/api/items/" + pen, 1).get("stock").asInt()).isEqualTo(3);
        assertThat(shop.awaitTerminal(shop.placeOrder(user, Map.of(pen, 3))).get("status").asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aStuckOrderTimesOutAfterARestartAndItsReservationIsReleased() {
        Path data = IntegrationTest.newDataDirectory("deadline");
        ShopClient shop = start(data);
        String user = shop.registerUser("bob");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 150, 5);
        HOLD_RESERVATIONS.set(true);
        Instant placedAt = Instant.now();
        String orderId = shop.placeOrder(user, Map.of(pen, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledDeadlines() == 1);
        String saga = jdbc().queryForObject("select convert_from(serialized_saga, 'UTF8') from saga_entry",
                String.class);
        assertThat(saga).as("sagas are stored as readable JSON").contains("\"orderId\":\"" + orderId + "\"");
        service.close();
        assertThat(Instant.now()).as("the deadline must be due only after the restart")
                .isBefore(placedAt.plus(ORDER_TIMEOUT));

        shop = start(data);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledDeadlines() == 0);
        assertThat(shop.get("/api/orders/" + orderId).getBody().get("status").asText()).isEqualTo("PENDING");
        HOLD_RESERVATIONS.set(false);

        JsonNode order = shop.awaitTerminal(orderId);
        assertThat(order.get("reason").asText()).isEqualTo("TIMEOUT");
        long itemVersion = jdbc().queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, pen);
        assertThat(itemVersion).isEqualTo(2); // added, reserved, released
        assertThat(shop.awaitVersion("/api/items/" + pen, itemVersion).get("stock").asInt()).isEqualTo(5);
    }

    /**
     * Before orders owned their deadlines, each saga scheduled its own (in the saga's scope, named order-timeout);
     * one still due after an upgrade must still time its order out.
     */
    @Test
    void aDeadlineThatASagaOfAnEarlierVersionScheduledStillTimesItsOrderOut() {
        ShopClient shop = start(IntegrationTest.newDataDirectory("legacy-deadline"), Duration.ofHours(1));
        String user = shop.registerUser("cid");
        shop.topUp(user, 1_000);
        String pen = shop.addItem("Pen", 150, 5);
        HOLD_RESERVATIONS.set(true);
        String orderId = shop.placeOrder(user, Map.of(pen, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledDeadlines() == 1 && sagas() == 1);

        // the saga's identifier is its order's
        service.getBean(DeadlineManager.class).schedule(Duration.ofMillis(100), "order-timeout", null,
                new SagaScopeDescriptor("OrderSaga", orderId));
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledDeadlines() == 1); // the order's own is not due
        HOLD_RESERVATIONS.set(false);

        assertThat(shop.awaitTerminal(orderId).get("reason").asText()).isEqualTo("TIMEOUT");
        assertThat(jdbc().queryForObject("select count(*) from domain_event_entry where payload_type like ?",
                Long.class, "%.OrderTimedOut")).as("timed out by the saga's deadline, not the order's").isZero();
        assertThat(shop.awaitVersion("/api/items/" + pen, 2).get("stock").asInt()).isEqualTo(5);
    }

    private ShopClient start(Path data) {
        return start(data, ORDER_TIMEOUT);
    }

    private ShopClient start(Path data, Duration orderTimeout) {
        service = new SpringApplicationBuilder(EventShopApplication.class, HoldReservations.class).run(
                "--server.port=0",
                "--eventshop.embedded-database.data-dir=" + data,
                "--eventshop.order.timeout=" + orderTimeout,
                "--eventshop.deadlines.polling-interval=200ms",
                "--EVENTSHOP_ADMIN_PASSWORD=" + ShopClient.ADMIN_PASSWORD); // as the environment variable is named
        return new ShopClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    private JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }

    private long countEvents() {
        return jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long sagas() {
        return jdbc().queryForObject("select count(*) from saga_entry", Long.class);
    }

    private long scheduledDeadlines() {
        return jdbc().queryForObject("select count(*) from scheduled_tasks", Long.class);
    }

    /** Fails the saga's handling of StockReserved while held, so the processor retries it later. */
    @TestConfiguration
    static class HoldReservations {

        @Autowired
        void holdSagaReservations(EventProcessingConfigurer processing) {
            processing.registerHandlerInterceptor("OrderSagaProcessor", configuration -> holdInterceptor());
        }

        private static MessageHandlerInterceptor<EventMessage<?>> holdInterceptor() {
            return (unitOfWork, chain) -> {
                if (HOLD_RESERVATIONS.get() && unitOfWork.getMessage().getPayload() instanceof StockReserved) {
                    throw new IllegalStateException("reservations held by the test");
                }
                return chain.proceed();
            };
        }
    }
}
