package com.customerledger.api.config;

import com.customerledger.query.ReadModelReset;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * When no MongoDB URI is configured, the read models and tracking tokens live in an in-process
 * MongoDB-protocol server persisted under the data directory. Setting {@code spring.data.mongodb.uri}
 * replaces it with a real MongoDB without any code change.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(LedgerProperties properties) {
        Path dataDir = properties.dataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        MongoServer server = new MongoServer(ConsistentH2Backend.open(dataDir.resolve("read-models.mv").toString(),
                properties.readModels().commitInterval()));
        server.bind("127.0.0.1", 0);
        return server;
    }

    /**
     * Boot's template, as Boot makes it, of a kind that lets a replay's reset drop the read models' collections
     * ({@link ReadModelReset}): nobody shards or tunes the embedded store's.
     */
    @Bean
    MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        return new ReadModelReset.DroppingTemplate(factory, converter);
    }

    /**
     * Boot's Mongo health check sends {@code hello}, which the embedded server does not know; a
     * {@code ping} proves the same thing: the read-model store answers. (Boot's backs off by name.)
     */
    @Bean
    HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded").build();
            } catch (RuntimeException down) {
                return Health.down(down).build();
            }
        };
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                          @Value("${spring.data.mongodb.database}") String database) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database
                        // in-process: if it does not answer within seconds it is gone (503), no use waiting 30 s
                        + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        return () -> connection;
    }
}
