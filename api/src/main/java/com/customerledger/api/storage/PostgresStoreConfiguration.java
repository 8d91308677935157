package com.customerledger.api.storage;

import com.customerledger.api.config.LedgerProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.sql.init.SqlDataSourceScriptDatabaseInitializer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.init.ScriptException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The command side's JDBC state in a PostgreSQL database that several command instances share, in place
 * of the embedded SQLite file: on when {@code spring.datasource.url} is a {@code jdbc:postgresql:} URL.
 * The lookups, the pool process's sagas, its deadlines (db-scheduler), imports and webhooks live there,
 * and, with Axon Server off, the events as well (Axon's JDBC engine).
 *
 * <p>What one SQLite writer at a time guaranteed (a read inside a transaction stays true until it
 * commits: the capacity and rotation checks) is PostgreSQL's {@code SERIALIZABLE} isolation here, for
 * every transaction the ledger begins; a transaction that loses a race is handled again
 * ({@link ContentionRetryingCommandBus}). Reads outside transactions (the projections' polling, the
 * audit) run at the connection's default, READ COMMITTED.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StorePlatform.OnPostgres.class)
public class PostgresStoreConfiguration {

    /** The key of {@code pg_advisory_xact_lock} that lets one starting instance at a time create the tables. */
    static final long SCHEMA_LOCK = 0x4c45444745524cL; // "LEDGERL"

    /** Connections from {@code spring.datasource.url}, {@code …username}, {@code …password}, {@code spring.datasource.hikari.*}. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("command-store");
        return dataSource;
    }

    @Bean
    SerializableTransactionManager transactionManager(DataSource dataSource) {
        return new SerializableTransactionManager(dataSource);
    }

    /**
     * The tables in PostgreSQL's spelling (db/postgresql/…; imports.sql is the same on both), the event
     * store's only when the JDBC engine keeps the events here. Replaces Spring's initializer of
     * {@code spring.sql.init.schema-locations}, which names the SQLite scripts.
     */
    @Bean
    SqlDataSourceScriptDatabaseInitializer dataSourceScriptDatabaseInitializer(DataSource dataSource, Environment environment) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(schemaLocations(!environment.getProperty("axon.axonserver.enabled", Boolean.class, true)));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        return new LockedSchemaInitializer(dataSource, settings);
    }

    /** The scripts, in the order of {@code spring.sql.init.schema-locations}: PostgreSQL's twin where SQLite's differs. */
    static List<String> schemaLocations(boolean jdbcEvents) {
        List<String> scripts = new ArrayList<>();
        if (jdbcEvents) {
            scripts.add("classpath:db/postgresql/event-store.sql");
        }
        scripts.addAll(List.of("classpath:db/postgresql/command-lookups.sql", "classpath:db/postgresql/deadlines.sql",
                "classpath:db/postgresql/sagas.sql", "classpath:db/imports.sql", "classpath:db/postgresql/webhooks.sql",
                "classpath:db/reminders.sql"));
        return scripts;
    }

    /**
     * Axon's command bus with the ledger's correlation data, as Axon's auto-configuration builds it, that
     * handles a command again when its transaction lost a race.
     */
    @Bean
    @Qualifier("localSegment")
    ContentionRetryingCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                            DuplicateCommandHandlerResolver duplicates, LedgerProperties properties,
                                            Environment environment) {
        ContentionRetryingCommandBus bus = new ContentionRetryingCommandBus(ContentionRetryingCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")),
                properties.postgres().commandAttempts(),
                environment.getProperty("axon.axonserver.enabled", Boolean.class, true));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** The transfer batch worker and the webhook dispatcher run on one command instance at a time. */
    @Bean(destroyMethod = "close")
    PostgresWorkerLeases workerLeases(HikariDataSource dataSource) {
        return new PostgresWorkerLeases(dataSource);
    }

    /** {@code ledger.commands.retries}: commands handled again after a lost race; {@code ledger.commands.contended}: answered 503. */
    @Bean
    MeterBinder contentionMetrics(ContentionRetryingCommandBus bus) {
        return registry -> {
            FunctionCounter.builder("ledger.commands.retries", bus, ContentionRetryingCommandBus::retries)
                    .description("commands handled again because their transaction lost a race").register(registry);
            FunctionCounter.builder("ledger.commands.contended", bus, ContentionRetryingCommandBus::exhausted)
                    .description("commands answered 503 after losing races on the command side's database").register(registry);
        };
    }

    /** Spring's JDBC transactions, each at SERIALIZABLE unless it asks for another level. */
    public static final class SerializableTransactionManager extends JdbcTransactionManager {

        SerializableTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            if (definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT) {
                DefaultTransactionDefinition serializable = new DefaultTransactionDefinition(definition);
                serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
                definition = serializable;
            }
            super.doBegin(transaction, definition);
        }
    }

    /**
     * Runs the scripts in one transaction behind an advisory lock: command instances starting together
     * would otherwise race on {@code CREATE TABLE IF NOT EXISTS} (PostgreSQL's catalog refuses the second).
     */
    static final class LockedSchemaInitializer extends SqlDataSourceScriptDatabaseInitializer {

        LockedSchemaInitializer(DataSource dataSource, DatabaseInitializationSettings settings) {
            super(dataSource, settings);
        }

        @Override
        protected void runScripts(Scripts scripts) {
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
            populator.setContinueOnError(scripts.isContinueOnError());
            populator.setSeparator(scripts.getSeparator());
            if (scripts.getEncoding() != null) {
                populator.setSqlScriptEncoding(scripts.getEncoding().name());
            }
            for (Resource script : scripts) {
                populator.addScript(script);
            }
            try (Connection connection = getDataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                }
                try {
                    populator.populate(connection);
                    connection.commit();
                } catch (ScriptException | SQLException failed) {
                    connection.rollback();
                    throw failed;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the command side's tables in PostgreSQL", e);
            }
        }
    }
}
