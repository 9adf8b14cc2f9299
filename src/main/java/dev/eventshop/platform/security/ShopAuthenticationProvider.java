package dev.eventshop.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Signs in the admin (password from configuration, compared in constant time) and customers (e-mail and the
 * password they registered with, checked against its BCrypt hash).
 *
 * <p>HTTP Basic sends the password with every request, and BCrypt is slow on purpose: checked each time, it
 * would cap the service at a few dozen requests per second per core. A verified username and password are
 * therefore remembered for a short while, keyed by a SHA-256 digest (never the password itself). Spring
 * Security has no such cache of its own; Caffeine bounds and expires it.
 */
class ShopAuthenticationProvider implements AuthenticationProvider {

    static final String ADMIN = "admin";
    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String ROLE_CUSTOMER = "ROLE_CUSTOMER";

    private final byte[] adminPassword;
    private final CustomerCredentials customers;
    private final PasswordEncoder passwords;
    private final Cache<String, Authentication> verified;

    ShopAuthenticationProvider(String adminPassword, CustomerCredentials customers, PasswordEncoder passwords,
                               SecurityProperties properties) {
        this.adminPassword = adminPassword.getBytes(StandardCharsets.UTF_8);
        this.customers = customers;
        this.passwords = passwords;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.credentialCacheTtl())
                .maximumSize(properties.credentialCacheSize())
                .build();
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = String.valueOf(attempt.getCredentials());
        String key = digest(username + '\u0000' + password);
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication authenticated = ADMIN.equals(username) ? admin(password) : customer(username, password);
        verified.put(key, authenticated);
        return authenticated;
    }

    private Authentication admin(String password) {
        if (!MessageDigest.isEqual(adminPassword, password.getBytes(StandardCharsets.UTF_8))) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new UsernamePasswordAuthenticationToken(ADMIN, null, AuthorityUtils.createAuthorityList(ROLE_ADMIN));
    }

    private Authentication customer(String email, String password) {
        return customers.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .filter(customer -> customer.passwordHash() != null)
                .filter(customer -> passwords.matches(password, customer.passwordHash()))
                .map(customer -> new UsernamePasswordAuthenticationToken(customer.userId(), null,
                        AuthorityUtils.createAuthorityList(ROLE_CUSTOMER)))
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
