package dev.eventshop.platform.views;

import dev.eventshop.platform.projections.ProjectionSlot;
import dev.eventshop.platform.projections.ServingGenerationChanged;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a projection tells subscription queries (read-your-writes waits, live order updates) that a view changed:
 * Axon's {@link QueryUpdateEmitter}, once the projection's batch has committed.
 *
 * <p>Only the generation that serves this node's readers tells anyone. A generation being rebuilt goes through
 * states long past, and a subscriber wants the view as it is now: an order that is CONFIRMED must not be shown
 * PLACED again. Whether the generation serves is asked again after the commit, so a generation this node has just
 * switched away from tells nothing more. When a node switches to a new generation, every live subscriber of that
 * projection is told its state as the new generation has it ({@link #refresh}): changes the new generation
 * handled before the switch went to nobody. (Events replayed by an Axon reset are not told either.)
 */
@Component
public class ViewUpdates {

    private static final Logger log = LoggerFactory.getLogger(ViewUpdates.class);

    private final QueryUpdateEmitter emitter;
    private final QueryGateway queries;

    ViewUpdates(QueryUpdateEmitter emitter, QueryGateway queries) {
        this.emitter = emitter;
        this.queries = queries;
    }

    /**
     * @param slot      the slot whose handler changed the view
     * @param queryType the query whose subscribers may want the update
     * @param filter    which of those queries' subscribers get it
     * @param view      the view as it now is, made only when an update is sent
     */
    public <Q, V> void emit(ProjectionSlot slot, Class<Q> queryType, Predicate<? super Q> filter, Supplier<V> view) {
        if (!slot.serving() || replaying()) {
            return;
        }
        V update = view.get();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
                if (slot.serving()) {
                    emitter.emit(queryType, filter, update);
                }
            });
        } else {
            emitter.emit(queryType, filter, update);
        }
    }

    /** Tells each live subscriber of the projection's queries what it follows, as it is read now. */
    @EventListener
    void refresh(ServingGenerationChanged changed) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object query = subscription.getPayload();
            if (changed.projection().liveQueries().stream().anyMatch(type -> type.isInstance(query))) {
                refresh(subscription);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void refresh(SubscriptionQueryMessage<?, ?, ?> subscription) {
        try {
            Object answer = queries.query(subscription.getPayload(), subscription.getResponseType()).join();
            Object view = answer instanceof Optional<?> optional ? optional.orElse(null) : answer;
            if (view != null && subscription.getUpdateResponseType().matches(view.getClass())) {
                String id = subscription.getIdentifier();
                emitter.emit((Predicate) (Predicate<SubscriptionQueryMessage<?, ?, ?>>)
                        message -> message.getIdentifier().equals(id), view);
            }
        } catch (RuntimeException e) {
            log.debug("Could not refresh subscription {}; it gets the next change instead",
                    subscription.getIdentifier(), e);
        }
    }

    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
