package dev.eventshop.platform.commands;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param conflictRetries how many times a command that lost a race to append to its aggregate (another node
 *                        appended first) is tried again before the client gets 409
 * @param conflictBackoff the wait before the first retry; it doubles with each one
 */
@ConfigurationProperties("eventshop.commands")
record CommandRetryProperties(@DefaultValue("8") int conflictRetries,
                              @DefaultValue("10ms") Duration conflictBackoff) {
}
