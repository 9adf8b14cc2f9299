package dev.eventshop.platform.database;

import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default database keeps its data, refuses to be shared, and recovers from an orphan. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedPostgresServerTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void keepsItsDataAcrossAStopAndAStart() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, STARTUP)) {
            execute(first.jdbcUrl(), "create table kept (v int); insert into kept values (42)");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(queryInt(second.jdbcUrl(), "select v from kept")).isEqualTo(42);
        }
    }

    @Test
    void refusesADataDirectoryThatIsInUse() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, STARTUP))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(queryInt(owner.jdbcUrl(), "select 1")).isEqualTo(1);
        }
    }

    @Test
    void stopsTheServerOrphanedByAKilledJvmAndTakesOverItsData() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnerThatGetsKilled.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream()));
        String orphanUrl = awaitLine(output, OwnerThatGetsKilled.READY).substring(OwnerThatGetsKilled.READY.length());
        execute(orphanUrl, "create table kept (v int); insert into kept values (7)");

        jvm.destroyForcibly().waitFor(); // kill -9: the postgres server it started lives on
        assertThat(queryInt(orphanUrl, "select v from kept")).as("the orphan still serves").isEqualTo(7);

        try (EmbeddedPostgresServer recovered = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(queryInt(recovered.jdbcUrl(), "select v from kept")).isEqualTo(7);
            assertThatThrownBy(() -> queryInt(orphanUrl, "select 1")).isInstanceOf(Exception.class);
        }
    }

    /** Runs in a JVM of its own: starts the server, says where it is, and waits to be killed. */
    static class OwnerThatGetsKilled {

        static final String READY = "READY ";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), STARTUP);
            System.out.println(READY + server.jdbcUrl());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    private static String awaitLine(BufferedReader output, String prefix) throws Exception {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the owner JVM ended before it was ready");
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
