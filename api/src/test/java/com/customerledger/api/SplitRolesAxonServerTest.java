package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * One command instance and one query instance of the same jar on Axon Server and a MongoDB replica
 * set, as the compose file runs them: a write sent to either is stored once, the query instance
 * reads it with minPosition, the 撞单 check holds. Then Axon Server stops: writes and reads answer
 * 503 with Retry-After and health is DOWN; it starts again and both instances recover by themselves.
 * Needs Docker; skipped cleanly without.
 */
@Testcontainers(disabledWithoutDocker = true)
class SplitRolesAxonServerTest {

    /** A fixed host port, so the restarted container is found where it was (Docker picks new ephemeral ports on restart). */
    static final int GRPC_PORT = freePort();
    static final int HTTP_PORT = freePort();

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17")
            .withDevMode(true)
            .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                    new PortBinding(Ports.Binding.bindPort(GRPC_PORT), ExposedPort.tcp(8124)),
                    new PortBinding(Ports.Binding.bindPort(HTTP_PORT), ExposedPort.tcp(8024))));
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @TempDir
    Path commandDir;
    @TempDir
    Path queryDir;

    @Test
    void aCommandAndAQueryInstanceWorkTogetherAndRecoverFromAnAxonServerOutage() {
        try (ConfigurableApplicationContext command = start("command", commandDir);
             ConfigurableApplicationContext query = start("query", queryDir)) {
            Api writes = api(command);
            Api reads = api(query);
            assertThat(writes.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 5)).status()).isEqualTo(201);
            // a write sent to the query instance is handled by the command instance
            Api.Response registered = reads.post("manager", "/api/customers", Map.of("name", "分离部署养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "county", "寿光市")));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String id = registered.text("customerId");
            Api.Response again = writes.post("manager", "/api/customers", Map.of("name", "分离部署养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "county", "寿光市")));
            assertThat(again.status()).as("撞单 across instances").isEqualTo(409);
            Api.Response claimed = writes.post("rep-a", "/api/customers/" + id + "/claim", null);
            assertThat(claimed.status()).isEqualTo(200);
            Api.Response view = reads.get("manager", "/api/customers/" + id + "?minPosition=" + claimed.position());
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.text("ownerRepId")).isEqualTo("rep-a");
            assertThat(reads.await("auditor", "/api/audit/verify", r -> r.body().path("ok").asBoolean(),
                    Duration.ofSeconds(30)).body().get("checked").asLong()).isEqualTo(claimed.position());

            AXON_SERVER.getDockerClient().stopContainerCmd(AXON_SERVER.getContainerId()).exec();
            for (Api instance : List.of(writes, reads)) {
                Api.Response write = instance.post("manager", "/api/customers", Map.of("name", "断线养殖场", "type", "FARM",
                        "region", Map.of("province", "山东省")));
                assertThat(write.status()).as(write.toString()).isEqualTo(503);
                assertThat(write.raw().headers().firstValue("Retry-After")).isPresent();
                assertThat(instance.get("manager", "/actuator/health").status()).isEqualTo(503);
            }
            Api.Response read = reads.get("manager", "/api/customers/" + id + "/ownership");
            assertThat(read.status()).as("a read of the query instance's own read model still answers").isIn(200, 503);

            AXON_SERVER.getDockerClient().startContainerCmd(AXON_SERVER.getContainerId()).exec();
            Api.Response recovered = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                recovered = reads.post("manager", "/api/customers", Map.of("name", "恢复之后养殖场", "type", "FARM",
                        "region", Map.of("province", "山东省")));
                if (recovered.status() == 201) {
                    break;
                }
                sleep();
            }
            assertThat(recovered).isNotNull();
            assertThat(recovered.status()).as(recovered.toString()).isEqualTo(201);
            assertThat(reads.get("manager", "/api/customers/" + recovered.text("customerId") + "?minPosition="
                    + recovered.position()).status()).isEqualTo(200);
            assertThat(writes.await("manager", "/actuator/health", r -> r.status() == 200, Duration.ofSeconds(60)).status())
                    .isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String role, Path dataDir) {
        return new SpringApplicationBuilder(LedgerApplication.class).profiles(role)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir,
                        "--axon.axonserver.enabled=true",
                        "--axon.axonserver.servers=" + AXON_SERVER.getHost() + ":" + GRPC_PORT,
                        "--spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl("ledger"),
                        "--ledger.audit.link-interval=200ms");
    }

    private static Api api(ConfigurableApplicationContext ledger) {
        return new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
