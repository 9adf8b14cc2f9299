package dev.eventshop.platform.cluster;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on the notify channel on a connection of its own and wakes the local event store whenever a node
 * (this one included) commits events. If the connection is lost, for instance while PostgreSQL restarts, it
 * connects again; the processors still poll meanwhile, so nothing is missed, only later.
 */
class CommitListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommitListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final NotifyingEventStore eventStore;
    private final ClusterProperties properties;
    private volatile boolean running;
    private Thread thread;

    CommitListener(DataSource dataSource, NotifyingEventStore eventStore, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
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
                while (running) {
                    var notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        eventStore.wake();
                    }
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

    private void pause() {
        try {
            Thread.sleep(properties.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
