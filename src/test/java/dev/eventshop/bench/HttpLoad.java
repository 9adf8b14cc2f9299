package dev.eventshop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** HTTP load on 127.0.0.1: closed loops (clients that send again as soon as answered), or a fixed open rate. */
final class HttpLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @param cpuNanos CPU time each watched process (with its children) spent in the measured window */
    record Throughput(double perSecond, long completed, long failed, long[] cpuNanos) {

        /** The CPU time the {@code index}th watched process spent per 2xx answer. */
        double cpuMillisPerRequest(int index) {
            return cpuNanos[index] / 1e6 / completed;
        }
    }

    record Latencies(List<Long> micros, long failed) {

        double percentileMillis(double percentile) {
            if (micros.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1000.0;
        }
    }

    private HttpLoad() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest post(String url, String authorization, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        }
    }

    /**
     * Each client sends its requests one after another; counts the 2xx answers in the measured window, and the CPU
     * time the watched processes spent in it.
     */
    static Throughput closedLoop(int clients, Duration warmUp, Duration measured, IntFunction<HttpRequest> request,
                                 List<ProcessHandle> watched) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            int id = client;
            pool.submit(() -> {
                while (System.nanoTime() < measureTo) {
                    boolean ok;
                    try {
                        ok = HTTP.send(request.apply(id), HttpResponse.BodyHandlers.discarding()).statusCode() < 300;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long now = System.nanoTime();
                    if (now >= measureFrom && now < measureTo) {
                        (ok ? completed : failed).incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        long[] cpu = watched.stream().mapToLong(HttpLoad::cpuNanos).toArray();
        TimeUnit.NANOSECONDS.sleep(measureTo - System.nanoTime());
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = cpuNanos(watched.get(i)) - cpu[i];
        }
        pool.awaitTermination(measured.toSeconds() + warmUp.toSeconds() + 60, TimeUnit.SECONDS);
        return new Throughput(completed.get() / (measured.toNanos() / 1e9), completed.get(), failed.get(), cpu);
    }

    /** One operation every 1/rate seconds, whatever the previous ones are doing; each reports its latency in µs. */
    static Latencies openLoop(int perSecond, Duration duration, Supplier<Long> operation) throws Exception {
        return openLoop(perSecond, CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)), operation);
    }

    /** The same, until {@code done} completes. */
    static Latencies openLoop(int perSecond, CompletableFuture<?> done, Supplier<Long> operation) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = 1_000_000L / perSecond;
        clock.scheduleAtFixedRate(() -> workers.submit(() -> {
            try {
                micros.add(operation.get());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        try {
            done.get();
        } finally {
            clock.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
        }
        return new Latencies(List.copyOf(micros), failed.get());
    }

    /** A process's CPU time so far, with that of its living children (PostgreSQL's server processes). */
    private static long cpuNanos(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .mapToLong(each -> each.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }
}
