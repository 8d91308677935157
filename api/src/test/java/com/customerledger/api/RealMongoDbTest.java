package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same ledger against a real MongoDB replica set, switched by the standard URI property alone.
 * Needs a Docker engine; skipped cleanly without one.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealMongoDbTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void realMongo(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("ledger"));
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-mongo-")::toString);
    }

    @Test
    void claimAndPortfolioWorkOnARealReplicaSet() {
        assertThat(context.getBeansOfType(MongoServer.class)).as("no embedded server when a URI is set").isEmpty();
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 5)).status()).isEqualTo(201);
        Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "真实库养殖场", "type", "FARM",
                "region", Map.of("province", "山东省", "county", "寿光市")));
        String id = registered.text("customerId");
        Api.Response claimed = api.post("rep-a", "/api/customers/" + id + "/claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        Api.Response portfolio = api.get("rep-a", "/api/reps/rep-a/portfolio?minPosition=" + claimed.position());
        assertThat(portfolio.body().get("owned").get("items").findValuesAsText("customerId")).containsExactly(id);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    /**
     * MongoDB's profiler records how it answered every operation: after writing a little of everything
     * and sending every read of the API, no operation on a read-model collection scanned the whole
     * collection. The reset handlers' delete-all is the one whole-collection operation, and no replay runs here.
     */
    @Test
    void everyReadAndProjectionWriteUsesAnIndex() {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        mongo.executeCommand(new Document("profile", 2));
        List<String> reads = EveryRead.run(new Api(port), "profiled");
        mongo.executeCommand(new Document("profile", 0));
        List<String> collections = new java.util.ArrayList<>(ReadModelIndexesTest.DECLARED.keySet());
        collections.addAll(List.of("reps", "transfer_batches", "pool_policy", "grading_policy"));
        List<String> namespaces = collections.stream().map(c -> "ledger." + c).toList();
        List<Document> operations = mongo.getCollection("system.profile")
                .find(new Document("ns", new Document("$in", namespaces))).into(new java.util.ArrayList<>());
        assertThat(operations).as("the profiler saw the reads and the projections' writes").hasSizeGreaterThan(reads.size());
        List<String> scans = operations.stream().filter(op -> String.valueOf(op.get("planSummary")).contains("COLLSCAN"))
                .map(op -> op.getString("op") + " " + op.getString("ns") + " " + op.get("command")).toList();
        assertThat(scans).as("operations that scanned a whole collection").isEmpty();
    }
}
