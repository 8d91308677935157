package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.CommandLookups;
import com.customerledger.command.batch.TransferBatchRunner;
import com.customerledger.query.Projections;
import com.customerledger.query.audit.AuditChain;
import com.customerledger.query.customer.CustomerProjection;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Path;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The split roles on the embedded stores: the {@code command} profile runs the command side and no
 * projection (no tracking processor at all), the {@code query} profile the projections and none of
 * the command side's handlers, aggregates, sagas, deadlines or workers. (On Axon Server the two
 * talk through it; see SplitRolesAxonServerTest.)
 */
class RolesTest {

    @TempDir
    Path commandDir;
    @TempDir
    Path queryDir;

    @Test
    void theCommandProfileRunsNoProjection() {
        try (ConfigurableApplicationContext ledger = start("command", commandDir)) {
            EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors().values()).noneMatch(StreamingEventProcessor.class::isInstance);
            assertThat(processing.eventProcessor(CommandLookups.PROCESSING_GROUP)).get().isInstanceOf(SubscribingEventProcessor.class);
            assertThat(ledger.getBeanNamesForType(CustomerProjection.class)).isEmpty();
            assertThat(ledger.getBeansWithAnnotation(ProcessingGroup.class).values())
                    .noneMatch(bean -> bean.getClass().getName().startsWith("com.customerledger.query."));
            assertThat(ledger.getBeanNamesForAnnotation(Aggregate.class)).isNotEmpty();
            assertThat(ledger.getBeanNamesForAnnotation(Saga.class)).isNotEmpty();
            assertThat(ledger.getBeanNamesForType(Scheduler.class)).hasSize(1);
            assertThat(ledger.getBeanNamesForType(TransferBatchRunner.class)).hasSize(1);
            // the audit is read here too (it reads the event store), but its linker runs on query instances
            assertThat(ledger.getBeanNamesForType(AuditChain.class)).hasSize(1);

            Api api = api(ledger);
            Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "命令实例养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省")));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            // the 撞单 check is the command side's own lookup, not a projection: it holds on a command instance
            Api.Response again = api.post("manager", "/api/customers", Map.of("name", "命令实例养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省")));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
        }
    }

    @Test
    void theQueryProfileRunsTheProjectionsAndNoCommandSide() {
        try (ConfigurableApplicationContext ledger = start("query", queryDir)) {
            EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
            for (String projection : Projections.ALL) {
                assertThat(processing.eventProcessor(projection)).as(projection).get().isInstanceOf(StreamingEventProcessor.class);
            }
            assertThat(processing.eventProcessor(CommandLookups.PROCESSING_GROUP)).isEmpty();
            assertThat(ledger.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();
            assertThat(ledger.getBeanNamesForAnnotation(Saga.class)).isEmpty();
            assertThat(ledger.getBeanNamesForType(Scheduler.class)).isEmpty();
            assertThat(ledger.getBeanNamesForType(TransferBatchRunner.class)).isEmpty();

            Api api = api(ledger);
            assertThat(api.get("manager", "/api/customers").status()).isEqualTo(200);
            // no command handler here (on Axon Server a command instance would take it): refused, nothing stored
            Api.Response write = api.post("manager", "/api/customers", Map.of("name", "查询实例养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省")));
            assertThat(write.status()).as(write.toString()).isEqualTo(503);
        }
    }

    private static ConfigurableApplicationContext start(String profile, Path dataDir) {
        return new SpringApplicationBuilder(LedgerApplication.class).profiles(profile)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir);
    }

    private static Api api(ConfigurableApplicationContext ledger) {
        return new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }
}
