package dev.eventshop.platform.database;

import dev.eventshop.platform.secrets.SecretFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * A real PostgreSQL server run from Maven artifacts, whose data outlives the JVM.
 *
 * <p>Layout of the data directory: {@code postgres/} holds the cluster, {@code binaries/} the unpacked
 * server (kept apart because initdb needs an empty directory, and never the other way round because
 * zonky deletes stale folders inside its working directory), {@code eventshop.lock} is held for
 * the life of the JVM so that two processes never share one cluster, and {@code postgres-password} (readable by
 * the service's user only) holds the password of the cluster's {@code postgres} role.
 *
 * <p>Nobody else on the machine gets in: the server listens on loopback TCP only, opens no Unix socket, and asks
 * for the password (SCRAM) on every connection. zonky's initdb trusts every local connection; on the first start
 * of a cluster (and of a cluster made before this), the trusting configuration serves just long enough to set the
 * password and replace it.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final String USER = "postgres";
    private static final int PASSWORD_BYTES = 24;
    /** Password (SCRAM) authentication, over loopback TCP only: the server opens no Unix socket. */
    private static final String CLIENT_AUTHENTICATION = """
            # Written by EventShop. Every connection gives the password kept in the data directory
            # (postgres-password); the server listens on loopback only and opens no Unix socket.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                                   String password) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, Duration startupWait) {
        try {
            Path root = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(root);
            FileChannel lockChannel = FileChannel.open(root.resolve("eventshop.lock"), CREATE, WRITE);
            FileLock lock = acquire(lockChannel, root);
            Path cluster = root.resolve("postgres");
            stopOrphanedServer(cluster);
            Path passwordFile = root.resolve("postgres-password");
            if (asksForAPassword(cluster) && !Files.exists(passwordFile)) {
                lock.release();
                lockChannel.close();
                throw new IllegalStateException("The embedded PostgreSQL in " + cluster + " asks for the password "
                        + "that was kept in " + passwordFile + ", and the file is gone: restore it from a backup");
            }
            String password = SecretFile.readOrGenerate(passwordFile, PASSWORD_BYTES).value();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(root.resolve("binaries").toFile())
                    // zonky turns durability off for test speed; a 2xx must mean the events are on disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setPGStartupWait(startupWait)
                    // Spring stops the server after everything that uses it, not a JVM hook racing with them
                    .setRegisterShutdownHook(false)
                    .start();
            if (!asksForAPassword(cluster)) {
                askForThePassword(postgres, cluster, password);
            }
            log.info("Embedded PostgreSQL started on localhost:{} with data in {}; it asks for the password in {}",
                    postgres.getPort(), cluster, passwordFile);
            return new EmbeddedPostgresServer(lockChannel, lock, postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** The URL of the {@code postgres} database; sign in as {@link #user()} with the {@link #password()}. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    /** Whether the cluster exists and its client authentication trusts nobody without the password. */
    static boolean asksForAPassword(Path cluster) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .noneMatch(line -> line.endsWith("trust") || line.startsWith("local"));
    }

    /**
     * Sets the role's password and then replaces initdb's trusting client authentication, while it still lets this
     * process in. Repeated after a crash in between, it does the same again.
     */
    private static void askForThePassword(EmbeddedPostgres postgres, Path cluster, String password)
            throws IOException {
        if (!password.matches("[A-Za-z0-9_-]+")) { // ALTER ROLE takes no bind parameter; Base64url needs no quoting
            throw new IllegalStateException("The embedded PostgreSQL's password must be URL-safe Base64");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role " + USER + " password '" + password + "'");
            Path hba = cluster.resolve("pg_hba.conf");
            Path partial = cluster.resolve("pg_hba.conf.partial");
            Files.writeString(partial, CLIENT_AUTHENTICATION, StandardCharsets.UTF_8);
            Files.move(partial, hba, StandardCopyOption.REPLACE_EXISTING);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password in " + cluster, e);
        }
        log.info("The embedded PostgreSQL in {} now asks for a password on every connection", cluster);
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static FileLock acquire(FileChannel channel, Path root) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException alreadyHeldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + root + " is in use by another EventShop process");
        }
        return lock;
    }

    /**
     * After a kill -9 of the JVM the postgres server survives as an orphan holding the cluster. We hold the
     * directory lock, so no live EventShop owns it: shut it down before starting our own.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan = parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                // the pid may be stale and reused since: only a postgres serving this very cluster is ours
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(cluster.toString()))
                        .orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("Stopping orphaned PostgreSQL (pid {}) left behind on {}", server.pid(), cluster);
        server.destroy(); // SIGTERM: a smart shutdown, its clients died with the old JVM
        try {
            server.onExit().get(ORPHAN_SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            log.warn("Orphaned PostgreSQL did not stop in {}; killing it, recovery will replay the WAL",
                    ORPHAN_SHUTDOWN_WAIT);
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
