package dev.eventshop.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A live reader of the event feed, as another service follows it: the positions it was sent, in order. */
public final class FeedReader implements AutoCloseable {

    /** The stored events the feed carries (the contract's, see platform/feed and the features' *Feed classes). */
    private static final String[] FEED_TYPES = Stream.of("order.api.OrderPlaced", "order.api.OrderConfirmed",
            "order.api.OrderRejected", "item.api.ItemAdded", "item.api.ItemPriceChanged", "item.api.StockReserved",
            "item.api.StockReleased", "item.api.ItemRestocked", "user.api.UserRegistered", "user.api.UserErased")
            .map(type -> "dev.eventshop." + type).toArray(String[]::new);

    private final List<Long> positions = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> stream;

    private FeedReader(HttpResponse<Stream<String>> stream) {
        this.stream = stream;
        Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("id:"))
                .forEach(line -> positions.add(Long.parseLong(line.substring(3).trim()))), "feed-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Follows the feed of the client's node after a position, signed in as the client. */
    public static FeedReader follow(ShopClient client, long after) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/feed")).header("Accept", "text/event-stream")
                        .header("Last-Event-ID", String.valueOf(after))
                        .header("Authorization", client.authorization()).build(),
                HttpResponse.BodyHandlers.ofLines());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("The feed answered " + stream.statusCode());
        }
        return new FeedReader(stream);
    }

    /** The positions received so far, in the order received. */
    public List<Long> positions() {
        return List.copyOf(positions);
    }

    /** The positions of the stored events the feed carries, after one and up to another, in order. */
    public static List<Long> storedPositions(JdbcTemplate jdbc, long after, long until) {
        return jdbc.queryForList("""
                select global_index from domain_event_entry where global_index > ? and global_index <= ?
                and payload_type = any (?) order by global_index""", Long.class, after, until, FEED_TYPES);
    }

    @Override
    public void close() {
        stream.body().close();
    }
}
