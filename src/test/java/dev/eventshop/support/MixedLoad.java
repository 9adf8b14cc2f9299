package dev.eventshop.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that mix orders (one or two lines), top-ups and restocks against one or more nodes until stopped, and
 * remember what was acknowledged (a 2xx), so that a test can check it was all kept. Every top-up has an amount no
 * other has, to be found again in the store.
 */
public final class MixedLoad {

    public record TopUp(String userId, long amount) {
    }

    public record Restock(String itemId) {
    }

    private final List<ShopClient> nodes;
    private final List<String> users;
    private final List<String> items;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong amounts = new AtomicLong(100_000);
    private final Queue<String> orders = new ConcurrentLinkedQueue<>();
    private final Queue<TopUp> topUps = new ConcurrentLinkedQueue<>();
    private final Queue<Restock> restocks = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private ExecutorService clients;

    public MixedLoad(List<ShopClient> nodes, List<String> users, List<String> items) {
        this.nodes = nodes;
        this.users = users;
        this.items = items;
    }

    public MixedLoad start(int threads) {
        running.set(true);
        clients = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            clients.submit(this::run);
        }
        return this;
    }

    public void stop() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load clients did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running.get()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            ShopClient node = nodes.get(random.nextInt(nodes.size()));
            int dice = random.nextInt(100);
            try {
                if (dice < 60) {
                    order(node, random);
                } else if (dice < 85) {
                    topUp(node, random);
                } else {
                    restock(node, random);
                }
            } catch (RuntimeException e) {
                // connection refused or reset: the node is down (a test killed it); nothing was acknowledged
            }
        }
    }

    private void order(ShopClient node, ThreadLocalRandom random) {
        String first = items.get(random.nextInt(items.size()));
        String second = items.get(random.nextInt(items.size()));
        List<Map<String, Object>> lines = first.equals(second) || random.nextBoolean()
                ? List.of(Map.of("itemId", first, "quantity", 1 + random.nextInt(2)))
                : List.of(Map.of("itemId", first, "quantity", 1), Map.of("itemId", second, "quantity", 1));
        var answer = node.post("/api/orders", Map.of("userId", users.get(random.nextInt(users.size())),
                "lines", lines));
        if (acknowledged(answer)) {
            orders.add(answer.getBody().get("orderId").asText());
        }
    }

    private void topUp(ShopClient node, ThreadLocalRandom random) {
        String user = users.get(random.nextInt(users.size()));
        long amount = amounts.incrementAndGet();
        if (acknowledged(node.post("/api/users/" + user + "/top-ups", Map.of("amount", amount)))) {
            topUps.add(new TopUp(user, amount));
        }
    }

    private void restock(ShopClient node, ThreadLocalRandom random) {
        String item = items.get(random.nextInt(items.size()));
        if (acknowledged(node.post("/api/items/" + item + "/restock", Map.of("quantity", 1 + random.nextInt(3))))) {
            restocks.add(new Restock(item));
        }
    }

    private boolean acknowledged(ResponseEntity<JsonNode> answer) {
        int status = answer.getStatusCode().value();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        return status >= 200 && status < 300;
    }

    public List<String> orders() {
        return List.copyOf(orders);
    }

    public List<TopUp> topUps() {
        return List.copyOf(topUps);
    }

    public List<Restock> restocks() {
        return List.copyOf(restocks);
    }

    /** How many answers had each HTTP status. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** How many answers were 5xx. */
    public int serverErrors() {
        return statuses().entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
    }

    public int acknowledged() {
        return orders.size() + topUps.size() + restocks.size();
    }
}
