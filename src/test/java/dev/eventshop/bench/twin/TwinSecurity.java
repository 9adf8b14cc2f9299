package dev.eventshop.bench.twin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** HTTP Basic, stateless, as EventShop; the admin's password is compared as plainly as EventShop compares it. */
@Configuration(proxyBeanMethods = false)
class TwinSecurity {

    @Bean
    SecurityFilterChain twin(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> { })
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users(@Value("${eventshop.security.admin-password}") String password) {
        return new InMemoryUserDetailsManager(User.withUsername("admin").password("{noop}" + password)
                .roles("ADMIN").build());
    }
}
