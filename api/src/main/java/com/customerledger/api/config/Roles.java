package com.customerledger.api.config;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The roles one jar can run in, by Spring profile. With neither profile an instance is both (the
 * embedded default). Axon Server routes commands and queries between instances, so HTTP works on
 * either role: a write on a query instance is handled on a command instance, a read on a command
 * instance by a query instance.
 * <ul>
 *   <li>{@code command}: aggregates, command handlers, the command side's lookups, sagas, deadlines
 *   and the batch worker; none of the query side's message handlers (no projections, no tracking
 *   processors, no query handlers of read models) and not the audit linker.</li>
 *   <li>{@code query}: projections, their query handlers and the audit linker; none of the command
 *   side's message handlers, aggregates, sagas, deadlines or workers.</li>
 * </ul>
 * Which classes a role leaves out is decided here, by what they are (message handlers, aggregates,
 * sagas, scheduled, lifecycle or start-up workers in the other side's packages), not by a list of names.
 */
public final class Roles extends TypeExcludeFilter {

    public static final String COMMAND = "command";
    public static final String QUERY = "query";

    private static final String COMMAND_PACKAGE = "com.customerledger.command.";
    private static final String QUERY_PACKAGE = "com.customerledger.query.";
    private static final String MESSAGE_HANDLER = "org.axonframework.messaging.annotation.MessageHandler";
    private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";
    private static final List<String> COMMAND_COMPONENTS = List.of("org.axonframework.spring.stereotype.Aggregate",
            "org.axonframework.spring.stereotype.Saga");
    private static final String PROCESSING_GROUP = "org.axonframework.config.ProcessingGroup";
    /** Workers and start-up jobs: they act on the command side's state. */
    private static final List<String> WORKERS = List.of("org.springframework.context.SmartLifecycle",
            "org.springframework.beans.factory.SmartInitializingSingleton", "org.springframework.boot.ApplicationRunner",
            "org.springframework.boot.CommandLineRunner", "com.customerledger.command.PollingWorker");

    private final Environment environment;

    Roles(Environment environment) {
        this.environment = environment;
    }

    /** Whether this instance runs the command side (a {@code command} instance, or one of no role). */
    public static boolean commandSide(Environment environment) {
        return !environment.acceptsProfiles(Profiles.of(QUERY)) || environment.acceptsProfiles(Profiles.of(COMMAND));
    }

    /** Whether this instance runs the query side (a {@code query} instance, or one of no role). */
    public static boolean querySide(Environment environment) {
        return !environment.acceptsProfiles(Profiles.of(COMMAND)) || environment.acceptsProfiles(Profiles.of(QUERY));
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        String name = reader.getClassMetadata().getClassName();
        AnnotationMetadata type = reader.getAnnotationMetadata();
        if (name.startsWith(COMMAND_PACKAGE) && !commandSide(environment)) {
            return type.hasAnnotatedMethods(MESSAGE_HANDLER) || type.hasAnnotatedMethods(SCHEDULED)
                    || COMMAND_COMPONENTS.stream().anyMatch(type::hasAnnotation)
                    || List.of(reader.getClassMetadata().getInterfaceNames()).stream().anyMatch(WORKERS::contains)
                    || reader.getClassMetadata().getSuperClassName() != null // an interface has none
                    && WORKERS.contains(reader.getClassMetadata().getSuperClassName());
        }
        if (name.startsWith(QUERY_PACKAGE) && !querySide(environment)) {
            return type.hasAnnotatedMethods(MESSAGE_HANDLER) || type.hasAnnotatedMethods(SCHEDULED)
                    || type.hasAnnotation(PROCESSING_GROUP);
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Roles roles && roles.environment == environment;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(environment);
    }

    /** Registers the filter before component scanning (Spring Boot's TypeExcludeFilter consults every such bean). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton(Roles.class.getName(), new Roles(context.getEnvironment()));
        }
    }
}
