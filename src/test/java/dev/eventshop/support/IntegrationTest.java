package dev.eventshop.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole service on a real, embedded PostgreSQL, reached over HTTP. Every subclass shares one
 * application context and database (Spring caches the context), so tests use fresh ids and count deltas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventshop.snapshots.user-threshold=5",
        "eventshop.snapshots.item-threshold=5",
        "eventshop.security.admin-password=" + ShopClient.ADMIN_PASSWORD,
        "eventshop.read-your-writes.max-wait=5s", // room for a slow CI machine
        "eventshop.projections.drop-delay=1s", // tests rebuild one projection after another
        // every test signs in and registers from 127.0.0.1: per address, room for the whole suite
        "eventshop.security.throttle.failed-sign-ins-per-address=200",
        "eventshop.security.throttle.registrations-per-address=1000",
        "eventshop.order.updates-heartbeat=500ms", // a stream whose client went away ends within a test's patience
        "eventshop.feed.stream-heartbeat=500ms", // the same for the feed's live streams
        "eventshop.security.feed-consumers[0].name=" + ShopClient.FEED_CONSUMER,
        "eventshop.security.feed-consumers[0].secret=" + ShopClient.FEED_SECRET

})
@Import(PoisonedUsers.class)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint is part of the product
public abstract class IntegrationTest {

    private static final Path DATA_DIR = newDataDirectory("shared");

    @LocalServerPort
    private int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ShopClient shop;
    protected EventStoreProbe store;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("eventshop.embedded-database.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        shop = new ShopClient(port);
        store = new EventStoreProbe(jdbc);
    }

    /** A fresh directory under target/, so that {@code mvn clean} removes test clusters. */
    public static Path newDataDirectory(String name) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(parent, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
