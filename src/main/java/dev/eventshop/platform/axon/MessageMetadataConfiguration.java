package dev.eventshop.platform.axon;

import dev.eventshop.platform.history.AuditTrail;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * Who caused what: every command sent while serving an HTTP request carries the signed-in principal, and
 * Axon copies it (with the correlation and trace ids) onto every event and every command that follows from
 * it, sagas included. Audit trails read it back.
 */
@Configuration(proxyBeanMethods = false)
class MessageMetadataConfiguration {

    static final String ANONYMOUS = "anonymous";

    /** Declared here because declaring any provider replaces Axon's default one; static: the command bus needs it. */
    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    static CorrelationDataProvider principalProvider() {
        return new SimpleCorrelationDataProvider(AuditTrail.PRINCIPAL);
    }

    @Autowired
    void stampCommandsWithPrincipal(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(principalInterceptor());
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> principalInterceptor() {
        return messages -> (index, command) -> {
            Optional<String> principal = currentRequestPrincipal();
            if (principal.isEmpty() || command.getMetaData().containsKey(AuditTrail.PRINCIPAL)) {
                return command;
            }
            return command.andMetaData(Map.of(AuditTrail.PRINCIPAL, principal.get()));
        };
    }

    /** Outside a request (a saga, a deadline) the principal comes from the message that led there. */
    private static Optional<String> currentRequestPrincipal() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(request.getRequest().getUserPrincipal())
                .map(Principal::getName)
                .orElse(ANONYMOUS));
    }
}
