package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import survives SIGKILL: the ledger runs as a separate JVM, is killed while an import is
 * half done, and after the restart the job resumes and completes with every row imported once.
 * Then the round trip: the imported customers, exported as CSV, import into an empty ledger as the
 * same customers (its own export has the same rows).
 */
class ImportKillTest {

    private static final int ROWS = 300;
    private static final int DUPLICATE_EVERY = 30;

    @TempDir
    Path firstLedger;
    @TempDir
    Path emptyLedger;

    @Test
    void anImportKilledHalfwayResumesImportsEveryRowOnceAndItsExportImportsIntoAnEmptyLedger() throws Exception {
        byte[] sheet = sheet();
        int duplicates = ROWS / DUPLICATE_EVERY;
        String importId;
        LedgerProcess first = LedgerProcess.start(firstLedger);
        try {
            Api api = new Api(first.port());
            registerReps(api);
            Api.Response started = api.upload("manager", "/api/imports/customers?effectiveAt=2025-01-01T00:00:00Z",
                    "客户台账.csv", sheet);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            importId = started.text("importId");
            Api.Response running = api.await("manager", "/api/imports/" + importId,
                    r -> r.body().path("rows").asInt() >= 60, Duration.ofSeconds(60));
            assertThat(running.text("status")).as("progress shows while it runs: " + running).isEqualTo("RUNNING");
            assertThat(running.body().path("rows").asInt()).isBetween(60, ROWS + duplicates - 1);
        } finally {
            first.kill();
        }

        byte[] export;
        byte[] exportXlsx;
        LedgerProcess restarted = LedgerProcess.start(firstLedger);
        try {
            Api api = new Api(restarted.port());
            JsonNode done = api.await("manager", "/api/imports/" + importId, r -> "DONE".equals(r.text("status")),
                    Duration.ofSeconds(120)).body();
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.path("rows").asInt()).isEqualTo(ROWS + duplicates);
            assertThat(done.path("imported").asInt()).isEqualTo(ROWS);
            assertThat(done.path("duplicates").asInt()).isEqualTo(duplicates);
            assertThat(done.path("errors").asInt()).isZero();
            assertThat(done.path("itemsTotal").asInt()).as("one item per duplicate row, none twice").isEqualTo(duplicates);
            assertThat(customers(api)).as("every row imported once").isEqualTo(ROWS);
            assertThat(load(api, "rep-a") + load(api, "rep-b")).isEqualTo(ROWS);
            export = download(restarted.port(), "/api/exports/customers?format=csv&q=" + enc("重启"));
            exportXlsx = download(restarted.port(), "/api/exports/customers?format=xlsx&q=" + enc("重启"));

            // the audit chain links every event of the import, and a replay of the customers answers the same
            JsonNode verified = api.await("auditor", "/api/audit/verify", r -> r.body().path("ok").asBoolean()
                    && r.body().path("head").asLong() >= r.body().path("storeHead").asLong(), Duration.ofSeconds(60)).body();
            assertThat(verified.path("outcome").asText()).as(verified.toString()).isEqualTo("VERIFIED");
            long head = verified.path("storeHead").asLong();
            assertThat(api.post("admin", "/api/admin/projections/customer-view/replay", null).status()).isEqualTo(202);
            JsonNode replayed = api.await("admin", "/api/admin/projections", r -> {
                for (JsonNode status : r.body()) {
                    if (status.path("name").asText().equals("customer-view") && (status.path("replaying").asBoolean()
                            || status.path("position").asLong() < head)) {
                        return false;
                    }
                }
                return r.status() == 200;
            }, Duration.ofSeconds(90)).body();
            assertThat(replayed.toString()).doesNotContain("\"replaying\":true");
            assertThat(download(restarted.port(), "/api/exports/customers?format=csv&q=" + enc("重启")))
                    .as("the export after a full replay of the customers").isEqualTo(export);
        } finally {
            restarted.kill();
        }

        LedgerProcess empty = LedgerProcess.start(emptyLedger);
        try {
            Api api = new Api(empty.port());
            registerReps(api);
            // the .xlsx export moves into an empty ledger as the same customers
            String roundTrip = api.upload("manager", "/api/imports/customers", "export.xlsx", exportXlsx).text("importId");
            JsonNode done = api.await("manager", "/api/imports/" + roundTrip, r -> "DONE".equals(r.text("status")),
                    Duration.ofSeconds(120)).body();
            assertThat(done.path("imported").asInt()).as(done.path("items").toString()).isEqualTo(ROWS);
            assertThat(done.path("errors").asInt()).isZero();
            assertThat(customers(api)).isEqualTo(ROWS);
            byte[] again = download(empty.port(), "/api/exports/customers?format=csv&q=" + enc("重启"));
            assertThat(importedColumns(again)).as("the same customers").isEqualTo(importedColumns(export));
            // and the CSV export names exactly those customers again: every row a duplicate of one of them
            String twice = api.upload("manager", "/api/imports/customers", "export.csv", export).text("importId");
            JsonNode repeated = api.await("manager", "/api/imports/" + twice, r -> "DONE".equals(r.text("status")),
                    Duration.ofSeconds(120)).body();
            assertThat(repeated.path("imported").asInt()).as(repeated.path("items").toString()).isZero();
            assertThat(repeated.path("duplicates").asInt()).isEqualTo(ROWS);
            assertThat(customers(api)).isEqualTo(ROWS);
        } finally {
            empty.kill();
        }
    }

    /** 300 customers, every 30th followed by the same customer again; owners by id and by name. */
    private static byte[] sheet() {
        StringBuilder csv = new StringBuilder("客户名称,客户类型,省份,城市,县区,电话,联系人,规模,养殖品种,负责业务员,等级\n");
        String[] types = {"养殖场", "合作社", "经销商", "种植基地"};
        for (int i = 0; i < ROWS; i++) {
            String row = "重启测试客户" + i + "," + types[i % types.length] + ",河北省,保定市," + (i % 2 == 0 ? "定州市" : "清苑区")
                    + "," + (13_700_000_000L + i) + ",联系人" + i + "," + (100 + i) + (i % 4 == 3 ? "亩" : "头") + ","
                    + (i % 4 == 3 ? "" : "猪、牛") + "," + (i % 3 == 0 ? "赵敏" : "rep-a") + "," + (i % 5 == 0 ? "B" : "") + "\n";
            csv.append(row);
            if (i % DUPLICATE_EVERY == 0) {
                csv.append(row);
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void registerReps(Api api) {
        for (Map.Entry<String, String> rep : Map.of("rep-a", "李明", "rep-b", "赵敏").entrySet()) {
            Api.Response response = api.post("admin", "/api/reps", Map.of("repId", rep.getKey(), "name", rep.getValue(),
                    "regions", List.of(Map.of("province", "河北省")), "capacity", 10_000));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
    }

    private static int customers(Api api) {
        Api.Response page = api.await("manager", "/api/customers?size=1&q=" + enc("重启"),
                r -> r.status() == 200 && r.body().path("total").asInt() >= ROWS, Duration.ofSeconds(60));
        return page.body().path("total").asInt();
    }

    private static int load(Api api, String repId) {
        return api.get("manager", "/api/reps/" + repId).body().path("load").asInt();
    }

    /** The columns an import reads (客户名称 … 来源), line by line; the ids and times of the ledger left out. */
    private static List<String> importedColumns(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return text.lines().map(line -> String.join(",", Arrays.copyOf(line.split(",", -1), 18))).toList();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] download(int port, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("manager:manager-pass".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
