package dev.eventshop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.platform.web.DatabaseAvailability;
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
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP Basic for everything, stateless. Anyone may register and browse the catalogue; changing the catalogue,
 * {@code /api/admin/**} and the actuator's metrics are the admin's (the dashboard page is public: it holds no
 * data, and signs in to the admin API itself); everything else needs a signed-in customer,
 * whose access to accounts and orders the controllers narrow to their own (see {@link Access}). The rules hold
 * for every method: HEAD and OPTIONS are let through only where GET is, and any other method only where a rule
 * names it, so a method nobody thought of meets the strictest rule of its path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, ThrottleProperties.class})
class SecurityConfiguration implements WebMvcConfigurer {

    private final Throttles throttles;

    SecurityConfiguration(ThrottleProperties throttling) {
        this.throttles = new Throttles(throttling);
    }

    @Bean
    Throttles throttles() {
        return throttles;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestThrottle(throttles)).addPathPatterns("/api/users", "/api/orders");
    }

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
                // every rule names the methods it lets through or names none: HEAD and OPTIONS read what GET
                // reads and no more, and a method no rule names falls to the strictest rule of its path
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").permitAll()
                        // an item's audit trail names who bought it: for the admin only, whatever the method
                        .requestMatchers("/api/items/*/events").hasRole("ADMIN")
                        .requestMatchers(reads("/api/items", "/api/items/**")).permitAll()
                        .requestMatchers("/api/items", "/api/items/**").hasRole("ADMIN")
                        // the dashboard's page, scripts and styles hold no data; it signs in to /api/admin itself
                        .requestMatchers(reads("/dashboard", "/dashboard/**", "/webjars/**")).permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        // a feed consumer reads the feed and nothing else
                        .requestMatchers(reads("/api/feed", "/api/feed/**")).hasAnyRole("ADMIN", "FEED")
                        .requestMatchers("/api/feed", "/api/feed/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("ADMIN", "CUSTOMER"))
                .build();
    }

    /** GET, HEAD and OPTIONS on these paths: the methods that read (HEAD is GET without the body). */
    private static RequestMatcher reads(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
            }
        }
        return new OrRequestMatcher(matchers);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // BCrypt, with room to migrate
    }

    @Bean
    AuthenticationManager authenticationManager(ShopAuthenticationProvider signIns) {
        return new ProviderManager(signIns);
    }

    /** Also told of accounts changed here ({@link RememberedSignIns}) and on other nodes. */
    @Bean
    ShopAuthenticationProvider shopAuthenticationProvider(SecurityProperties properties,
                                                          CustomerCredentials customers, PasswordEncoder passwords) {
        return new ShopAuthenticationProvider(AdminPassword.of(properties), customers, passwords, properties,
                throttles);
    }
}
