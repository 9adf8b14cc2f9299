package dev.eventshop.platform.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;

/**
 * Durable deadlines in PostgreSQL: a db-scheduler {@link Scheduler} over the application's database. Axon's
 * auto-configuration sees this bean and builds its {@code DbSchedulerDeadlineManager} (and the task that runs
 * deadlines) on it.
 *
 * <p>The DataSource is wrapped so that scheduling a deadline joins the transaction of the saga step that asks
 * for it: the deadline exists exactly when that step is committed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineSchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .build();
    }

    /** Axon builds its deadline manager with the scheduler stopped; run deadlines once the service is up. */
    @EventListener(ApplicationReadyEvent.class)
    void startDeadlines(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
