package dev.eventshop.common;

/**
 * A command that breaks a domain rule (an amount that is not positive, a balance that would overflow).
 * Thrown by an aggregate before anything is applied, so nothing is stored; the web layer answers 4xx.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String rule;

    public BusinessRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable, machine-readable name of the rule, e.g. {@code amount-not-positive}. */
    public String rule() {
        return rule;
    }
}
