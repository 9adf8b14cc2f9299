package dev.eventshop.platform.views;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ViewUpdatesTest {

    record FindCounter(String id) {
    }

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ViewUpdates updates = new ViewUpdates(emitter);
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void subscribe() {
        var query = new GenericSubscriptionQueryMessage<>(new FindCounter("c1"), ResponseTypes.instanceOf(String.class),
                ResponseTypes.instanceOf(String.class));
        emitter.registerUpdateHandler(query, 16).getUpdates()
                .map(SubscriptionQueryUpdateMessage::getPayload)
                .subscribe(received::add);
    }

    @Test
    void aLiveEventsUpdateReachesTheSubscribersOnceItsUnitOfWorkCommits() {
        handle(new GlobalSequenceTrackingToken(5), "counter at 5");

        assertThat(received).containsExactly("counter at 5");
    }

    @Test
    void aReplayedEventsUpdateIsNotSentAndItsViewNotEvenMade() {
        TrackingToken replaying = ((ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(0))).advancedTo(new GlobalSequenceTrackingToken(3));

        DefaultUnitOfWork.startAndGet(tracked(replaying)).execute(() -> updates.emit(FindCounter.class,
                query -> true, () -> {
                    throw new AssertionError("no view is made for a replayed event");
                }));

        assertThat(received).isEmpty();
    }

    @Test
    void theFirstEventBeyondTheReplaysEndIsLiveAgain() {
        TrackingToken beyond = ((ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(0))).advancedTo(new GlobalSequenceTrackingToken(11));

        handle(beyond, "counter at 11");

        assertThat(received).containsExactly("counter at 11");
    }

    @Test
    void outsideAnEventAnUpdateIsSentAtOnce() {
        updates.emit(FindCounter.class, query -> query.id().equals("c1"), () -> "counter set by hand");
        updates.emit(FindCounter.class, query -> query.id().equals("c2"), () -> "another counter");

        assertThat(received).containsExactly("counter set by hand");
    }

    private void handle(TrackingToken token, String view) {
        DefaultUnitOfWork.startAndGet(tracked(token))
                .execute(() -> updates.emit(FindCounter.class, query -> query.id().equals("c1"), () -> view));
    }

    private static GenericTrackedEventMessage<String> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("counted"));
    }
}
