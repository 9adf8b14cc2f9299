package dev.eventshop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How much a client may try before it is answered 429: each allowance is a token bucket of that many per
 * {@code window}, refilled evenly over it. Requests signed in as the admin are never throttled (failed admin
 * sign-ins are). Counts are kept in memory, per node.
 *
 * @param enabled                 false turns every throttle off
 * @param window                  the period each allowance is counted over
 * @param failedSignInsPerAccount failed sign-ins for one account (e-mail, or admin) from anywhere
 * @param failedSignInsPerAddress failed sign-ins from one client address, whatever the account
 * @param registrationsPerAddress registrations tried from one client address
 * @param ordersPerCustomer       orders one customer places
 * @param trackedKeys             how many accounts, addresses and customers are counted at most (the least recent
 *                                are forgotten first)
 */
@ConfigurationProperties("eventshop.security.throttle")
record ThrottleProperties(@DefaultValue("true") boolean enabled,
                          @DefaultValue("1m") Duration window,
                          @DefaultValue("10") long failedSignInsPerAccount,
                          @DefaultValue("50") long failedSignInsPerAddress,
                          @DefaultValue("20") long registrationsPerAddress,
                          @DefaultValue("120") long ordersPerCustomer,
                          @DefaultValue("100000") long trackedKeys) {
}
