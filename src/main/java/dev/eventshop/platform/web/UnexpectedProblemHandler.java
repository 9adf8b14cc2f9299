package dev.eventshop.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What no other handler knows is our fault, not the client's: logged in full, answered without internals. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedProblemHandler.class);

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be handled; it has been logged");
    }
}
