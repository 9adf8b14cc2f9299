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
import dev.eventshop.platform.projections.ProjectionSlot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ViewUpdatesTest {

    record FindCounter(String id) {
    }

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ViewUpdates updates = new ViewUpdates(emitter, null);
    private final ProjectionSlot slot = new ProjectionSlot("counters", "blue");
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void subscribe() {
        slot.hold(1, true);
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

        DefaultUnitOfWork.startAndGet(tracked(replaying)).execute(() -> updates.emit(slot, FindCounter.class,
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
        updates.emit(slot, FindCounter.class, query -> query.id().equals("c1"), () -> "counter set by hand");
        updates.emit(slot, FindCounter.class, query -> query.id().equals("c2"), () -> "another counter");

        assertThat(received).containsExactly("counter set by hand");
    }

    @Test
    void aGenerationThatDoesNotServeThisNodeTellsNobodyAndMakesNoView() {
        slot.hold(2, false);

        DefaultUnitOfWork.startAndGet(tracked(new GlobalSequenceTrackingToken(5))).execute(() -> updates.emit(slot,
                FindCounter.class, query -> true, () -> {
                    throw new AssertionError("no view is made for a generation nobody reads");
                }));

        assertThat(received).isEmpty();
    }

    @Test
    void aGenerationThatStopsServingBeforeItsBatchCommitsTellsNothing() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(tracked(new GlobalSequenceTrackingToken(5)));
        unitOfWork.onPrepareCommit(u -> slot.hold(1, false)); // the node switched to another generation meanwhile
        unitOfWork.execute(() -> updates.emit(slot, FindCounter.class, query -> true, () -> "counter at 5"));

        assertThat(received).isEmpty();
    }

    private void handle(TrackingToken token, String view) {
        DefaultUnitOfWork.startAndGet(tracked(token))
                .execute(() -> updates.emit(slot, FindCounter.class, query -> query.id().equals("c1"), () -> view));
    }

    private static GenericTrackedEventMessage<String> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("counted"));
    }
}
