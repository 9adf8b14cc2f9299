package dev.eventshop.platform.feed;

import dev.eventshop.platform.web.OpenRequests;
import io.cloudevents.CloudEvent;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live feed: streams that follow the horizon as it moves. One sampler per node looks at the horizon every
 * {@code stream-poll-interval} while a stream is open and tells the streams; a stream behind it reads the next
 * batch from the store. A stream holds one batch at most: Spring writes a stream's events as its client takes them,
 * and the stream asks for the next batch only then, so a slow reader slows only itself.
 */
@Component
class FeedStreams {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final Feed feed;
    private final FeedProperties properties;
    private final OpenRequests open;
    private final Sinks.Many<Long> horizons = Sinks.many().replay().latest();
    private final Map<Object, Following> following = new ConcurrentHashMap<>();
    private final Disposable sampler;

    FeedStreams(Feed feed, FeedHorizon horizon, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
        this.open = new OpenRequests("feed streams", properties.streamsMaxOpen(),
                properties.streamsMaxOpenPerConsumer());
        this.sampler = Flux.interval(properties.streamPollInterval())
                .onBackpressureDrop()
                .filter(tick -> open.open() > 0)
                .concatMap(tick -> Mono.fromCallable(horizon::finalPosition)
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.debug("The feed's horizon could not be sampled: {}", e.getMessage());
                            return Mono.empty(); // the database is away: the next tick tries again
                        }), 1)
                .distinctUntilChanged()
                .subscribe(position -> horizons.emitNext(position, Sinks.EmitFailureHandler.FAIL_FAST));
    }

    /** A stream open now: whose, since when, and the position of the last event it was sent. */
    private record Following(String consumer, Instant openedAt, AtomicLong position) {
    }

    /** The streams open on this node, the longest open first. */
    List<FeedStatus.Stream> streams() {
        return following.values().stream().sorted(Comparator.comparing(Following::openedAt))
                .map(stream -> new FeedStatus.Stream(stream.consumer(), stream.openedAt(), stream.position().get()))
                .toList();
    }

    /**
     * The events after the position as they become final, then forever, with a comment now and then.
     *
     * @param consumer whom the stream counts against
     * @param unlimited whether the consumer has no cap of its own (the admin)
     */
    Flux<ServerSentEvent<CloudEvent>> follow(long after, String consumer, boolean unlimited) {
        OpenRequests.Permit permit = open.open(consumer, unlimited);
        AtomicLong position = new AtomicLong(after);
        Object key = new Object();
        following.put(key, new Following(consumer, Instant.now(), position));
        Flux<ServerSentEvent<CloudEvent>> events = horizons.asFlux()
                .onBackpressureLatest()
                .filter(horizon -> horizon > position.get())
                .concatMap(horizon -> Mono.fromCallable(() -> feed.after(position.get(), properties.streamBatch(),
                                horizon))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            // the database is busy or away: the stream stays, and reads again at the next tick
                            log.debug("A feed stream could not read after {}: {}", position.get(), e.getMessage());
                            return Mono.empty();
                        })
                        .flatMapMany(page -> Flux.fromIterable(page.events())), 1)
                .map(event -> {
                    String at = String.valueOf(event.getExtension(Feed.POSITION));
                    position.set(Long.parseLong(at));
                    return ServerSentEvent.builder(event).id(at).event(event.getType()).build();
                });
        // a comment now and then keeps an idle stream open through proxies, and finds a client that went away (its
        // write fails), whose stream then ends and no longer counts against the caps
        Flux<ServerSentEvent<CloudEvent>> heartbeats = Flux.interval(properties.streamHeartbeat())
                .map(beat -> ServerSentEvent.<CloudEvent>builder().comment("heartbeat").build());
        return Flux.merge(events, heartbeats).doFinally(signal -> {
            following.remove(key);
            permit.close();
        });
    }

    @PreDestroy
    void stop() {
        sampler.dispose();
        horizons.tryEmitComplete();
    }
}
