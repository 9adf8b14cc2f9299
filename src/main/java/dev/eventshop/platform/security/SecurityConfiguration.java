package dev.eventshop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.platform.web.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * HTTP Basic for everything, stateless. Anyone may register and browse the catalogue; changing the catalogue,
 * {@code /api/admin/**} and the actuator's metrics are the admin's (the dashboard page is public: it holds no
 * data, and signs in to the admin API itself); everything else needs a signed-in customer,
 * whose access to accounts and orders the controllers narrow to their own (see {@link Access}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The dashboard runs only its own scripts and talks only to its own origin: an event payload shown on it can
     * never run as code. Inline styles are allowed because the chart library positions its parts with them.
     */
    private static final String DASHBOARD_CONTENT_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, DatabaseAvailability database) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**"),
                        new ContentSecurityPolicyHeaderWriter(DASHBOARD_CONTENT_POLICY))))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized(json, database)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json, database))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").permitAll()
                        // an item's audit trail names who bought it: for the admin only
                        .requestMatchers(HttpMethod.GET, "/api/items/*/events").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/items", "/api/items/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/items", "/api/items/*/restock").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/items/*/price").hasRole("ADMIN")
                                // the dashboard's page, scripts and styles hold no data; it signs in to /api/admin itself
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**", "/webjars/**").permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // BCrypt, with room to migrate
    }

    @Bean
    AuthenticationManager authenticationManager(SecurityProperties properties, CustomerCredentials customers,
                                                PasswordEncoder passwords) {
        return new ProviderManager(
                new ShopAuthenticationProvider(adminPassword(properties), customers, passwords, properties));
    }

    private static String adminPassword(SecurityProperties properties) {
        if (properties.adminPassword() != null && !properties.adminPassword().isBlank()) {
            return properties.adminPassword();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        log.warn("EVENTSHOP_ADMIN_PASSWORD is not set; the admin password for this run is: {}", generated);
        return generated;
    }
}
