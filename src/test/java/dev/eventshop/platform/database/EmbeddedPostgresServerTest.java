package dev.eventshop.platform.database;

import dev.eventshop.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default database keeps its data, refuses to be shared, recovers from an orphan, and lets in only
 * who has its password.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedPostgresServerTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void keepsItsDataAcrossAStopAndAStart() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, STARTUP)) {
            execute(first, "create table kept (v int); insert into kept values (42)");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(queryInt(second, "select v from kept")).isEqualTo(42);
        }
    }

    @Test
    void refusesADataDirectoryThatIsInUse() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, STARTUP))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(queryInt(owner, "select 1")).isEqualTo(1);
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
        String password = keptPassword(data);
        execute(orphanUrl, password, "create table kept (v int); insert into kept values (7)");

        jvm.destroyForcibly().waitFor(); // kill -9: the postgres server it started lives on
        assertThat(queryInt(orphanUrl, password, "select v from kept")).as("the orphan still serves").isEqualTo(7);

        try (EmbeddedPostgresServer recovered = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(queryInt(recovered, "select v from kept")).isEqualTo(7);
            assertThatThrownBy(() -> queryInt(orphanUrl, password, "select 1")).isInstanceOf(Exception.class);
        }
    }

    @Test
    void asksEveryConnectionForThePasswordKeptInAFileOnlyItsUserCanRead() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, STARTUP)) {
            Path file = data.resolve("postgres-password");
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(server.password()).isEqualTo(keptPassword(data)).hasSizeGreaterThanOrEqualTo(32);

            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guess").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(queryText(server, "show listen_addresses")).isEqualTo("localhost");
            assertThat(queryText(server, "show unix_socket_directories")).isEmpty();
            assertThat(queryText(server, """
                    select string_agg(distinct auth_method, ',') from pg_hba_file_rules where error is null"""))
                    .isEqualTo("scram-sha-256");
            assertThat(queryText(server, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid "
                    + "where rolname = 'postgres'")).isEqualTo("t");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(queryInt(again, "select 1")).as("the same password after a restart").isEqualTo(1);
        }
    }

    /** A cluster made by an earlier version trusted every local connection: its next start ends that. */
    @Test
    void aClusterThatTrustedEveryoneAsksForThePasswordFromItsNextStart() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(server.password()).isNotEmpty();
        }
        Path hba = data.resolve("postgres").resolve("pg_hba.conf");
        Files.writeString(hba, "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Files.delete(data.resolve("postgres-password")); // an earlier version kept none
        assertThat(EmbeddedPostgresServer.asksForAPassword(data.resolve("postgres"))).isFalse();

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(data, STARTUP)) {
            assertThat(EmbeddedPostgresServer.asksForAPassword(data.resolve("postgres"))).isTrue();
            assertThat(upgraded.password()).isEqualTo(keptPassword(data));
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(queryInt(upgraded, "select 1")).isEqualTo(1);
        }
    }

    @Test
    void aLostPasswordFileIsSaidSoAtStartNotAsAnAuthenticationError() throws Exception {
        Path data = IntegrationTest.newDataDirectory("embedded");
        EmbeddedPostgresServer.start(data, STARTUP).close();
        Files.delete(data.resolve("postgres-password"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, STARTUP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres-password").hasMessageContaining("restore it");
        assertThat(data.resolve("postgres-password")).as("no new password made up").doesNotExist();
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("no server started").doesNotExist();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, STARTUP))
                .as("the directory's lock was let go: the same answer, not 'in use'")
                .hasMessageContaining("restore it");
    }

    /** Runs in a JVM of its own: starts the server, says where it is, and waits to be killed. */
    static class OwnerThatGetsKilled {

        static final String READY = "READY ";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), STARTUP);
            System.out.println(READY + server.jdbcUrl()); // the password is in the data directory
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

    private static String keptPassword(Path data) throws Exception {
        return Files.readString(data.resolve("postgres-password")).strip();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        execute(server.jdbcUrl(), server.password(), sql);
    }

    private static int queryInt(EmbeddedPostgresServer server, String sql) throws Exception {
        return queryInt(server.jdbcUrl(), server.password(), sql);
    }

    private static String queryText(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(String url, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(String url, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
