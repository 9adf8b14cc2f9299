package dev.eventshop.support;

import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged service ({@code target/eventshop.jar}) in a JVM of its own, as an operator runs it: so that a test
 * can kill it with SIGKILL or stop it with SIGTERM. Its output goes to {@code target/it-logs/<name>.log}.
 * Used by the {@code *IT} tests, which Failsafe runs after the jar is packaged.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("eventshop.jar", "target/eventshop.jar"));
    private static final Path LOGS = Path.of("target", "it-logs");

    private final String name;
    private final int port;
    private final List<String> launcher;
    private final List<String> arguments;
    private Process process;

    private ServiceProcess(String name, int port, List<String> launcher, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.launcher = launcher;
        this.arguments = arguments;
    }

    /** The master key of the nodes on an external PostgreSQL (32 bytes, Base64). */
    public static final String TEST_MASTER_KEY = "ZXZlbnRzaG9wLXRlc3QtbWFzdGVyLWtleS0zMmJ5dGU=";

    /** A node on the given PostgreSQL, with the test admin password and the given extra properties. */
    public static ServiceProcess on(String name, String jdbcUrl, Map<String, String> properties) {
        return on(name, JAR, jdbcUrl, properties);
    }

    /** As {@link #on(String, String, Map)}, from another build's jar (the benchmarks' baseline). */
    public static ServiceProcess on(String name, Path jar, String jdbcUrl, Map<String, String> properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                // the nodes of a cluster share one master key; each would otherwise generate its own
                "--eventshop.privacy.master-key=" + TEST_MASTER_KEY));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new ServiceProcess(name, freePort(), List.of("-Xmx512m", "-jar", jar.toAbsolutePath().toString()),
                arguments);
    }

    /** The jar with its own embedded PostgreSQL in the given data directory. */
    public static ServiceProcess embedded(String name, Path dataDirectory) {
        return new ServiceProcess(name, freePort(), List.of("-Xmx512m", "-jar", JAR.toAbsolutePath().toString()),
                List.of("--eventshop.embedded-database.data-dir=" + dataDirectory));
    }

    /**
     * As {@link #embedded}, started the way the README runs the packaged service: from the jar that the build
     * extracts to {@code target/app}, with the class-data-sharing archive it records there.
     */
    public static ServiceProcess embeddedWithClassDataSharing(String name, Path dataDirectory) {
        Path app = JAR.toAbsolutePath().resolveSibling("app");
        return new ServiceProcess(name, freePort(), List.of("-Xmx512m", "-XX:SharedArchiveFile="
                + app.resolve("eventshop.jsa"), "-jar", app.resolve("eventshop.jar").toString()),
                List.of("--eventshop.embedded-database.data-dir=" + dataDirectory));
    }

    /**
     * Another Spring Boot application from the test classes (the benchmarks' CRUD twin), in a JVM of its own and
     * launched the way the service is: from the service's jar, with the test classes added to it. (Started from
     * the flat test class path instead, every class lookup searches hundreds of jars under a lock, which made
     * the twin slower than anything it was meant to be compared with.)
     */
    public static ServiceProcess mainClass(String name, Class<?> main, List<String> arguments) {
        try {
            Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ServiceProcess(name, freePort(), List.of("-Xmx512m", "-cp", JAR.toAbsolutePath().toString(),
                    "-Dloader.path=" + classes, "-Dloader.main=" + main.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"), arguments);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the JVM and waits until the service answers healthy. */
    public ServiceProcess start() {
        try {
            Files.createDirectories(LOGS);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(launcher);
            command.add("--server.port=" + port);
            command.add("--eventshop.security.admin-password=" + ShopClient.ADMIN_PASSWORD);
            command.addAll(arguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    public void awaitHealthy(Duration patience) {
        RestClient http = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        await().atMost(patience).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            return http.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value()
                    == 200;
        });
    }

    /** SIGKILL: no shutdown hook, no released claim, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: Spring's graceful shutdown. Answers how long the process took to exit. */
    public Duration terminate() {
        long started = System.nanoTime();
        process.destroy();
        waitForExit();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ShopClient client() {
        return new ShopClient(port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The id Axon gives this node as the owner of its token claims ("pid@host"). */
    public String nodeId() {
        return process.pid() + "@" + hostName();
    }

    public Path log() {
        return LOGS.resolve(name + ".log");
    }

    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
