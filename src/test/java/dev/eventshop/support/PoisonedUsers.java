package dev.eventshop.support;

import dev.eventshop.platform.projections.ProjectionDefinition;
import dev.eventshop.user.api.BalanceToppedUp;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * A switch that makes the users projection fail on the top-ups of chosen users, as a bug or a bad event would:
 * a handler added to each slot of the users projection. Part of every integration test's context (empty, it does
 * nothing), so that dead-letter tests share it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonedUsers {

    public static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

    /** A new user whose top-up of the given amount the users projection has dead-lettered; the user stays poisoned. */
    public static String withDeadLetteredTopUp(ShopClient shop, JdbcTemplate jdbc, String name, long amount) {
        String user = shop.registerUser(name);
        shop.awaitVersion("/api/users/" + user, 0);
        POISONED.add(user);
        shop.topUp(user, amount);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from"
                + " dead_letter_entry where processing_group like 'users-%' and sequence_identifier = ?",
                Long.class, user) > 0);
        return user;
    }

    @Bean
    static BeanPostProcessor poisonTheUsersProjection() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ProjectionDefinition users && users.name().equals("users")) {
                    return new ProjectionDefinition(users.name(), users.version(), users.tables(), slot -> {
                        List<Object> handlers = new ArrayList<>(users.handlers().apply(slot));
                        // first: the handlers that ran before one that fails keep their writes when the event is dead-lettered
                        handlers.add(0, new PoisonedHandler());
                        return handlers;
                    }, users.sequencingPolicy(), users.liveQueries());
                }
                return bean;
            }
        };
    }

    static class PoisonedHandler {

        @EventHandler
        void on(BalanceToppedUp event) {
            if (POISONED.contains(event.userId())) {
                throw new IllegalStateException("poisoned by the test");
            }
        }
    }
}
