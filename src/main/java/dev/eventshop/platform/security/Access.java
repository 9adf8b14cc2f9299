package dev.eventshop.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking: customers act on their own account and orders only, the admin on everything. */
@Component
public class Access {

    public boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ShopAuthenticationProvider.ROLE_ADMIN.equals(authority.getAuthority()));
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
