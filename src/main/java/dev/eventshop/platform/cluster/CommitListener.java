package dev.eventshop.platform.cluster;

import org.axonframework.common.caching.Cache;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * LISTENs on the notify channel on a connection of its own and, whenever another node commits events, wakes the
 * local event store, drops the aggregates they changed from the caches and tells the
 * {@link AggregatesChangedElsewhere} beans. If the connection is lost, for instance
 * while PostgreSQL restarts, it connects again; the processors still poll meanwhile, so nothing is missed, only
 * later.
 */
class CommitListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommitListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final NotifyingEventStore eventStore;
    private final List<Cache> aggregateCaches;
    private final List<AggregatesChangedElsewhere> observers;
    private final ClusterProperties properties;
    private volatile boolean running;
    private Thread thread;

    CommitListener(DataSource dataSource, NotifyingEventStore eventStore, List<Cache> aggregateCaches,
                   List<AggregatesChangedElsewhere> observers, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.aggregateCaches = aggregateCaches;
        this.observers = observers;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "commit-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + properties.notifyChannel());
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                eventStore.wake(); // whatever was committed while not listening
                observers.forEach(AggregatesChangedElsewhere::anyMayHaveChanged);
                while (running) {
                    heard(postgres.getNotifications(WAIT_MILLIS));
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for commits failed ({}); trying again in {}", e.getMessage(),
                            properties.reconnectDelay());
                    pause();
                }
            }
        }
    }

    /**
     * Another node's commit: its aggregates leave this node's caches (which would otherwise find out only by a
     * failed append), and the processors look for its events. This node's own commits have done both already.
     */
    private void heard(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        List<CommitNotice> fromOthers = Arrays.stream(notifications)
                .map(notification -> CommitNotice.decode(notification.getParameter()))
                .filter(notice -> !notice.fromThisNode())
                .toList();
        fromOthers.forEach(this::evict);
        if (!fromOthers.isEmpty()) {
            eventStore.wake();
        }
    }

    private void evict(CommitNotice notice) {
        for (Cache cache : aggregateCaches) {
            if (notice.all()) {
                cache.removeAll();
            } else {
                notice.aggregates().forEach(cache::remove);
            }
        }
        for (AggregatesChangedElsewhere observer : observers) {
            if (notice.all()) {
                observer.anyMayHaveChanged();
            } else {
                observer.changed(notice.aggregates());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
