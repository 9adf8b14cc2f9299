package dev.eventshop.platform.security;

import dev.eventshop.platform.security.Throttles.Allowance;
import dev.eventshop.platform.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;

/**
 * Registrations per client address and orders per customer, counted before the handler runs (a registration that
 * is refused, an e-mail already taken say, counts too: it is what an address-harvesting script does). Requests
 * signed in as the admin are not counted: operators and their scripts seed data.
 */
class RequestThrottle implements HandlerInterceptor {

    private final Throttles throttles;

    RequestThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || signedInAsAdmin()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("/api/users".equals(path)) {
            refuseIfUsedUp(throttles.take(Allowance.REGISTRATIONS, request.getRemoteAddr()),
                    "Too many registrations from this address; try again after Retry-After");
        } else if ("/api/orders".equals(path)) {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            refuseIfUsedUp(throttles.take(Allowance.ORDERS, signedIn == null ? request.getRemoteAddr()
                    : signedIn.getName()), "Too many orders from this customer; try again after Retry-After");
        }
        return true;
    }

    private static void refuseIfUsedUp(Duration wait, String message) {
        if (!wait.isZero()) {
            throw new TooManyRequestsException(message, wait);
        }
    }

    private static boolean signedInAsAdmin() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getAuthorities().stream()
                .anyMatch(authority -> ShopAuthenticationProvider.ROLE_ADMIN.equals(authority.getAuthority()));
    }
}
