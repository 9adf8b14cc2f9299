package dev.eventshop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventshop.platform.web.DatabaseAvailability;
import dev.eventshop.platform.web.Problems;
import dev.eventshop.platform.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401, 403 and a throttled sign-in's 429 as problem details, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper json, DatabaseAvailability database) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                response.setHeader("Retry-After", String.valueOf(TooManyRequestsException.seconds(
                        throttled.retryAfter())));
                write(json, request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                        "Too many requests", "Too many failed sign-ins for this account or from this address; "
                                + "try again after Retry-After");
                return;
            }
            if (e instanceof AuthenticationServiceException && database.explains(e)) {
                // the credentials could not be checked, not found wrong: come back, do not sign in again
                response.setHeader("Retry-After", "2");
                write(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "Database unavailable", "The database cannot be reached just now; retry shortly");
                return;
            }
            // a script (the dashboard) shows its own sign-in form: no browser dialog for it
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"EventShop\"");
            }
            write(json, request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required",
                    "Sign in with HTTP Basic: your e-mail and password, or admin");
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "You may not see or change this");
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                      HttpStatus status, String type, String title, String detail) throws IOException {
        Problems.write(json, request, response, Problems.of(status, type, title, detail));
    }
}
