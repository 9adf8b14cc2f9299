package dev.eventshop.platform.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Two command gateways. The primary one, for requests, tries a command again when it lost a race to append to
 * its aggregate: within one node Axon's aggregate lock serializes commands, but two nodes can both load version
 * n and both append n + 1, and the second gets a {@link ConcurrencyException}. Replayed on the new state, the
 * command is decided again (it may now be refused), so the client gets the real answer, never a 5xx or 409 for a
 * race. Nothing else is retried: a refused command stays refused.
 * <p>
 * The saga's gateway does not retry: its commands run inside the saga's unit of work and transaction, which a
 * retry on another thread would leave; a failed step fails the saga's batch, and the processor retries that.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandRetryProperties.class)
public class CommandRetryConfiguration {

    /** The qualifier of the gateway that runs in the caller's unit of work and never retries. */
    public static final String SAGA_GATEWAY = "sagaCommandGateway";

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));
    }

    @Bean
    RetryScheduler conflictRetryScheduler(ScheduledExecutorService commandRetryExecutor,
                                          CommandRetryProperties properties) {
        return new ConflictRetryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(properties.conflictRetries())
                .backoffFactor(properties.conflictBackoff().toMillis()));
    }

    /**
     * Axon's back-off scheduler, retrying a lost race only. (Its failure predicate cannot say this: Axon applies
     * it to every cause in the chain, and the SQL error under a ConcurrencyException is no race by itself.)
     */
    private static final class ConflictRetryScheduler extends ExponentialBackOffIntervalRetryScheduler {

        ConflictRetryScheduler(Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !lostARace(failure);
        }
    }

    @Bean
    @Primary
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetryScheduler).build();
    }

    @Bean
    @Qualifier(SAGA_GATEWAY)
    CommandGateway sagaCommandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
