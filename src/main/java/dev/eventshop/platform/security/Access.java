package dev.eventshop.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is asking: customers act on their own account and orders only, the admin on everything. */
@Component
public class Access {

    public boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ShopAuthenticationProvider.ROLE_ADMIN.equals(authority.getAuthority()));
    }

    /**
     * Whom the current request counts against where open requests are capped: the signed-in account, or, for an
     * anonymous request, the client's address (the proxy's forwarded one only where configured to trust it).
     */
    public String client() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "account " + authentication.getName();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? "address " + request.getRequest().getRemoteAddr() : "address unknown";
    }

    /** Who is signed in: "admin", or the customer's user id; null for an anonymous request. */
    public String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null : authentication.getName();
    }

    /** @throws AccessDeniedException unless the caller is that user or the admin */
    public void requireSelfOrAdmin(String userId) {
        if (isAdmin()) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.getName().equals(userId)) {
            throw new AccessDeniedException("This belongs to another customer");
        }
    }
}
