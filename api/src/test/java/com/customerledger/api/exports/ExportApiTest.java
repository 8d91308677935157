package com.customerledger.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.Api;
import com.customerledger.api.EmbeddedLedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export, end to end: the search's customers as CSV (BOM, formula-like cells defused) and as
 * .xlsx under the import's headers, and each file read back by the import (a dry run against the
 * same ledger) as exactly the customers it was exported from. The round trip into an empty ledger
 * runs in {@code ImportKillTest}.
 */
class ExportApiTest extends EmbeddedLedgerTest {

    @Autowired
    JdbcTemplate jdbc;

    private final String tag = "导出" + Long.toString(System.nanoTime(), 36).toUpperCase();

    @Test
    void theSearchsCustomersExportAsCsvAndXlsxThatImportAsTheSameCustomers() throws IOException {
        String owner = "exp-" + tag.substring(2).toLowerCase();
        registerRep(owner, 100);
        Set<String> ids = new HashSet<>();
        ids.add(register(Map.of("name", "=2+3鸿福养殖场" + tag, "type", "FARM", "region", Map.of("province", "山东省",
                "city", "临沂市", "county", "兰陵县"), "phone", "+86 138 0539 " + (1000 + (int) (Math.random() * 8999)),
                "contacts", List.of(Map.of("name", "刘场长", "title", "场长", "phone", "13905390000")),
                "scale", Map.of("value", 3000, "unit", "HEAD"), "species", List.of("猪", "鸡"), "productLines",
                List.of("feed", "premix"), "source", "展会, 2024", "ownerRepId", owner)));
        ids.add(register(Map.of("name", "沃土种植基地" + tag, "type", "PLANTING_BASE", "region", Map.of("province", "山东省",
                "city", "临沂市", "county", "兰陵县"), "scale", Map.of("value", 1200.5, "unit", "MU"), "crops",
                List.of("大蒜"), "ownerRepId", owner)));
        ids.add(register(Map.of("name", "兴农经销商" + tag, "type", "DEALER", "region", Map.of("province", "山东省"))));
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);

        HttpResponse<byte[]> csv = download("/api/exports/customers?format=csv&q=" + enc(tag) + "&minPosition=" + head);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 BOM").isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF});
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("客户名称,客户类型,省份,城市,县区,详细地址,统一社会信用代码,电话,联系人,职务,联系人电话,规模,"
                + "养殖品种,种植作物,产品线,负责业务员,等级,来源,客户编号");
        assertThat(lines).hasSize(4);
        String formula = lines.stream().filter(line -> line.contains("鸿福")).findFirst().orElseThrow();
        assertThat(formula).startsWith("'=2+3鸿福养殖场").contains(",'+86 138 0539 ", ",刘场长,场长,13905390000,3000头,猪、鸡,",
                ",feed、premix,", "\"展会, 2024\"");
        assertThat(lines.stream().filter(line -> line.contains("沃土")).findFirst().orElseThrow()).contains(",1200.5亩,,大蒜,");
        assertThat(lines.stream().filter(line -> line.contains("兴农")).findFirst().orElseThrow()).contains(",经销商,山东省,");

        HttpResponse<byte[]> xlsx = download("/api/exports/customers?q=" + enc(tag));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            workbook.getFirstSheet().openStream().forEach(row -> rows.add(cells(row)));
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get(0)).isEqualTo("客户名称");
        assertThat(rows.stream().map(row -> row.get(0))).contains("=2+3鸿福养殖场" + tag);

        for (byte[] file : List.of(csv.body(), xlsx.body())) {
            Api.Response started = api.upload("manager", "/api/imports/customers?dryRun=true", "export", file);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            JsonNode job = api.await("manager", "/api/imports/" + started.text("importId"),
                    r -> !"RUNNING".equals(r.text("status")), Duration.ofSeconds(30)).body();
            assertThat(job.path("status").asText()).isEqualTo("DONE");
            assertThat(job.path("errors").asInt()).as(job.toString()).isZero();
            assertThat(job.path("duplicates").asInt()).isEqualTo(3);
            Set<String> matched = new HashSet<>();
            job.path("items").forEach(item -> {
                if (item.path("row").asInt() > 1) {
                    matched.add(item.path("existingCustomerId").asText());
                }
            });
            assertThat(matched).as("each exported row is its own customer").isEqualTo(ids);
        }
        assertThat(download("/api/exports/customers?format=pdf").statusCode()).isEqualTo(400);
    }

    private String register(Map<String, Object> body) {
        Api.Response response = api.post("manager", "/api/customers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("customerId");
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getCellText(i));
        }
        return cells;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> download(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "manager:manager-pass".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
