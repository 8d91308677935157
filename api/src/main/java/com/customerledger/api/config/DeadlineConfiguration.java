package com.customerledger.api.config;

import com.customerledger.api.storage.ContentionRetryingTask;
import com.customerledger.api.storage.StorePlatform;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon deadlines (public-pool reminders and releases) persisted with db-scheduler in the command
 * side's database (the SQLite file, or the PostgreSQL several command instances share). Axon's
 * auto-configuration provides the deadline manager and its task once this scheduler exists; the scheduler reads "now" from the ledger's {@link Clock}, so a test can move time.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Profile("!" + Roles.QUERY + " | " + Roles.COMMAND) // not on a query instance
class DeadlineConfiguration {

    /**
     * The scheduler writes through a transaction-aware view of the data source: a deadline scheduled
     * by a command joins that command's transaction, so it exists exactly when the command's events
     * do, and it takes no second connection from the pool (which concurrent commands would exhaust).
     */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, LedgerProperties properties,
                                org.springframework.core.env.Environment environment) {
        boolean sqlite = StorePlatform.of(environment) == StorePlatform.SQLITE;
        // PostgreSQL: a deadline whose transaction lost a race with another instance's runs again at once
        List<Task<?>> handlers = sqlite ? tasks : tasks.stream()
                .<Task<?>>map(task -> new ContentionRetryingTask<>(task, properties.postgres().commandAttempts())).toList();
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), handlers);
        if (sqlite) {
            builder.jdbcCustomization(new SqliteCustomization());
        } // PostgreSQL: db-scheduler recognises it by itself
        return builder
                .clock(clock::instant)
                .pollingInterval(properties.pool().schedulerPolling())
                .threads(2)
                .build();
    }

    /**
     * db-scheduler 16.6 (the version Axon 4.13 is built against) knows no SQLite and limits its
     * due-task query the ANSI way ({@code OFFSET … FETCH FIRST}), which SQLite rejects; SQLite says
     * {@code LIMIT}. Timestamps go through the driver as epoch milliseconds, in UTC.
     */
    static final class SqliteCustomization extends DefaultJdbcCustomization {

        SqliteCustomization() {
            super(true);
        }

        @Override
        public String getName() {
            return "SQLite";
        }

        @Override
        public String getQueryLimitPart(int limit) {
            return " LIMIT " + limit;
        }
    }

    /** Starts the scheduler once Axon can handle what it fires, and stops it before Axon stops. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1000;
            }
        };
    }
}
