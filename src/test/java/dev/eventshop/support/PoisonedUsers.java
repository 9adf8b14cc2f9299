package dev.eventshop.support;

import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A switch that makes the users projection fail on the top-ups of chosen users, as a bug or a bad event would.
 * Part of every integration test's context (empty, it does nothing), so that dead-letter tests share it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonedUsers {

    public static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

    @Bean
    PoisonedHandler poisonedHandler() {
        return new PoisonedHandler();
    }

    @ProcessingGroup("users")
    static class PoisonedHandler {

        @EventHandler
        void on(BalanceToppedUp event) {
            if (POISONED.contains(event.userId())) {
                throw new IllegalStateException("poisoned by the test");
            }
        }
    }
}
