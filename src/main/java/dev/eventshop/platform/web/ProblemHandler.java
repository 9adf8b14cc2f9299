package dev.eventshop.platform.web;

import dev.eventshop.common.BusinessRuleViolation;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * Turns domain and store exceptions into RFC 9457 problem details; {@link RequestProblemHandler} does the
 * same for mistakes Spring MVC finds in the request itself.
 */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException e) {
        return Problems.invalid(List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(BusinessRuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, e.rule(), "Business rule violated", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    /** A command for an aggregate that was never created. */
    @ExceptionHandler
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such resource: " + e.getAggregateIdentifier());
    }

    /**
     * A command whose id names an aggregate of another kind (an item's id where a user's belongs): the event
     * store finds streams by id alone, so to the client this resource does not exist either.
     */
    @ExceptionHandler
    ProblemDetail notFound(IncompatibleAggregateException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource");
    }

    /** A customer reaching for another customer's account or order. */
    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not see or change this");
    }

    /** Read-your-writes: the view is behind the version asked for; the client should come back shortly. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> viewBehind(ViewBehindException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "view-behind", "View not caught up yet",
                        e.getMessage()));
    }

    /** An allowance used up (registrations from one address, one customer's orders): come back later. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TooManyRequestsException.seconds(e.retryAfter())))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "A different resource with this id already exists");
    }

    @ExceptionHandler
    ProblemDetail conflict(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "The resource was changed at the same time; retry the request");
    }
}
