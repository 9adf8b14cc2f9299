package dev.eventshop.platform.commands;

import dev.eventshop.common.BusinessRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a lost append race is retried, however deeply it is wrapped, and only so many times. */
class CommandRetryConfigurationTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RetryScheduler retries = new CommandRetryConfiguration()
            .conflictRetryScheduler(executor, new CommandRetryProperties(3, Duration.ofMillis(1)));
    private final List<Class<? extends Throwable>[]> oneFailure = failures(1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aConcurrencyExceptionIsRetriedAlsoWhenWrapped() {
        var conflict = new ConcurrencyException("version 3 was appended first");

        assertThat(retries.scheduleRetry(command(), conflict, oneFailure, () -> { })).isTrue();
        assertThat(retries.scheduleRetry(command(), new CommandExecutionException("failed", conflict),
                oneFailure, () -> { })).isTrue();
        var asStored = new ConcurrencyException("sequence 3 exists", new SQLException("duplicate key", "23505"));
        assertThat(retries.scheduleRetry(command(), asStored, oneFailure, () -> { }))
                .as("the SQL error under the conflict does not make it a failure to give up on").isTrue();
    }

    @Test
    void aRefusedCommandOrADuplicateCreationIsNotRetried() {
        assertThat(retries.scheduleRetry(command(), new BusinessRuleViolation("insufficient-funds", "no"),
                oneFailure, () -> { })).isFalse();
        assertThat(retries.scheduleRetry(command(), new AggregateStreamCreationException("exists"),
                oneFailure, () -> { })).isFalse();
        assertThat(retries.scheduleRetry(command(), new IllegalStateException("bug"), oneFailure, () -> { }))
                .isFalse();
    }

    @Test
    void aConflictIsRetriedOnlyUpToTheConfiguredCount() {
        var conflict = new ConcurrencyException("again");

        assertThat(retries.scheduleRetry(command(), conflict, failures(3), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(command(), conflict, failures(4), () -> { })).isFalse();
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("TopUpBalance");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
