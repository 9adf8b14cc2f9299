package dev.eventshop.platform.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollingInterval how often the scheduler looks for due deadlines
 * @param threads         worker threads that run due deadlines
 */
@ConfigurationProperties("eventshop.deadlines")
record DeadlineProperties(@DefaultValue("500ms") Duration pollingInterval, @DefaultValue("2") int threads) {
}
