package dev.eventshop.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets the batches of a generation being built commit without waiting for PostgreSQL to flush them to disk
 * ({@code synchronous_commit} off, for those transactions only). Such a transaction writes only rows that nobody
 * reads yet and its processor's token: should the database crash before the flush, both are lost together and the
 * processor handles those events again. Nothing a client was told depends on them, and no event is appended in
 * them. A rebuild commits a batch every few milliseconds, and waiting for each flush was a fifth of its time. The
 * serving generation's batches keep synchronous commits: what a reader has seen is never lost.
 */
class AsynchronousRebuildCommits implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SET = AsynchronousRebuildCommits.class.getName();

    private final ProjectionSlot slot;
    private final ObjectProvider<JdbcTemplate> jdbc;

    AsynchronousRebuildCommits(ProjectionSlot slot, ObjectProvider<JdbcTemplate> jdbc) {
        this.slot = slot;
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        if (slot.building()) {
            // once per batch: the unit of work, and its transaction, span the batch's events
            unitOfWork.root().resources().computeIfAbsent(SET, key -> {
                jdbc.getObject().execute("set local synchronous_commit = off");
                return Boolean.TRUE;
            });
        }
        return interceptorChain.proceed();
    }
}
