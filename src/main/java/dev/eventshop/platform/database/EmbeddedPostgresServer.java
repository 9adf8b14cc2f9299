package dev.eventshop.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * zonky deletes stale folders inside its working directory), and {@code eventshop.lock} is held for
 * the life of the JVM so that two processes never share one cluster.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, Duration startupWait) {
        try {
            Path root = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(root);
            FileChannel lockChannel = FileChannel.open(root.resolve("eventshop.lock"), CREATE, WRITE);
            FileLock lock = acquire(lockChannel, root);
            Path cluster = root.resolve("postgres");
            stopOrphanedServer(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(root.resolve("binaries").toFile())
                    // zonky turns durability off for test speed; a 2xx must mean the events are on disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(startupWait)
                    // Spring stops the server after everything that uses it, not a JVM hook racing with them
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), cluster);
            return new EmbeddedPostgresServer(lockChannel, lock, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
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
