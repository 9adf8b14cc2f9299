package dev.eventshop.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server of the test's own, outside the service's JVM, that the test can stop and start again on
 * the same data and port: the database the nodes of the {@code *IT} tests share, and the one an outage takes away.
 */
public final class ExternalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port = ServiceProcess.freePort();
    private EmbeddedPostgres server;

    public ExternalPostgres(String name) {
        this.dataDirectory = IntegrationTest.newDataDirectory(name);
    }

    public ExternalPostgres start() {
        try {
            server = EmbeddedPostgres.builder()
                    // as the service's own embedded server runs: every commit on disk before it is acknowledged
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setDataDirectory(dataDirectory.resolve("cluster"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stops the server (a fast shutdown: open connections are cut). */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** The postmaster; its server processes are its children. */
    public ProcessHandle process() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("cluster").resolve("postmaster.pid"))
                    .get(0).trim());
            return ProcessHandle.of(pid).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Plain connections, no pool: a query after an outage just connects again. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
