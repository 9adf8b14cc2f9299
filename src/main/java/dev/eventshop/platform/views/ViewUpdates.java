package dev.eventshop.platform.views;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a projection tells subscription queries (read-your-writes waits, live order updates) that a view changed:
 * Axon's {@link QueryUpdateEmitter}, which sends the update once the projection's batch has committed.
 *
 * <p>Nothing is sent while the event being handled is replayed. A replay rebuilds a view through states that are
 * long past, and a subscriber wants the view as it is now: an order that is CONFIRMED must not be shown PLACED
 * again. A read that waits for a version during a replay gets its answer once the replay has passed it, at its
 * next try.
 */
@Component
public class ViewUpdates {

    private final QueryUpdateEmitter emitter;

    ViewUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /**
     * @param queryType the query whose subscribers may want the update
     * @param filter    which of those queries' subscribers get it
     * @param view      the view as it now is, made only when an update is sent
     */
    public <Q, V> void emit(Class<Q> queryType, Predicate<? super Q> filter, Supplier<V> view) {
        if (!replaying()) {
            emitter.emit(queryType, filter, view.get());
        }
    }

    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
