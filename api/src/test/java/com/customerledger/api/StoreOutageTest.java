package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A store that cannot be reached is a 503 the client may retry (with Retry-After), never a 500. */
class StoreOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void aReadModelStoreThatIsDownAnswers503() {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir)) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            assertThat(api.get("manager", "/api/customers").status()).isEqualTo(200);

            ledger.getBean(MongoServer.class).shutdownNow();

            for (String read : new String[] {"/api/customers", "/api/customers/c-gone", "/api/reps",
                    "/api/analytics/customers-by-region"}) {
                Api.Response answer = api.get("manager", read);
                assertThat(answer.status()).as(read + " → " + answer).isEqualTo(503);
                assertThat(answer.text("code")).isEqualTo("STORE_UNAVAILABLE");
                assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
            }
            // the event store is up: a write is still stored and acknowledged; its views follow when the store is back
            Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "断线养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市")));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
    }
}
