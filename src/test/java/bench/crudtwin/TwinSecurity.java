package bench.crudtwin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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
        return new InMemoryUserDetailsManager(User.withUsername("admin").password(password).roles("ADMIN").build());
    }

    /**
     * A constant-time comparison, as EventShop's admin check. (With Spring's default delegating encoder, a
     * {noop} password is "upgraded" to BCrypt after the first sign-in, and every request then pays for BCrypt.)
     */
    @Bean
    PasswordEncoder plainPasswords() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String stored) {
                return MessageDigest.isEqual(raw.toString().getBytes(StandardCharsets.UTF_8),
                        stored.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
