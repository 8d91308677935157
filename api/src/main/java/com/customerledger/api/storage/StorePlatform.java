package com.customerledger.api.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which database holds the command side's JDBC state (lookups, sagas, deadlines, imports, webhooks, and
 * the events when Axon Server is off): the embedded SQLite file, unless {@code spring.datasource.url}
 * names a PostgreSQL database ({@code jdbc:postgresql:…}), which several command instances share.
 */
public enum StorePlatform {
    SQLITE,
    POSTGRESQL;

    /** The key whose value chooses the platform. */
    public static final String URL = "spring.datasource.url";

    public static StorePlatform of(Environment environment) {
        String url = environment.getProperty(URL, "");
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    /** On when the command side's database is PostgreSQL. */
    public static final class OnPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()) == POSTGRESQL;
        }
    }

    /** On for the embedded SQLite store (no PostgreSQL configured). */
    public static final class OnSqlite implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()) == SQLITE;
        }
    }
}
