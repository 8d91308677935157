package com.customerledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.Api;
import com.customerledger.api.EmbeddedLedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moving in, end to end through the HTTP API on the embedded stores: real .xlsx workbooks (written
 * with the same library the ledger reads them with) and CSV files in GBK and UTF-8 with a BOM.
 */
class ImportApiTest extends EmbeddedLedgerTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportFiles files;

    /** A run-unique tag, so that the names, phones and credit codes of this test's sheets meet no other test's customers. */
    private final String tag = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Test
    void aGbkCsvWithChineseHeadersImportsTheGoodRowsAndSaysWhatIsWrongWithTheOthers() {
        String owner = "imp-a-" + tag.toLowerCase();
        String named = "imp-b-" + tag.toLowerCase();
        registerRep(owner, 100);
        api.post("admin", "/api/reps", Map.of("repId", named, "name", "张伟" + tag, "regions",
                List.of(Map.of("province", "山东省")), "capacity", 100));
        Map<String, Object> existing = newCustomer(owner);
        String existingId = api.post("manager", "/api/customers", existing).text("customerId");
        Instant effectiveAt = Instant.parse("2024-01-01T00:00:00Z");

        String csv = String.join("\r\n",
                "客户名称（必填）, 类型 ,省份,城市,县/区,手机,负责业务员,规模,养殖品种,备注",
                "鸿运养殖场" + tag + ",养殖场,山东省,潍坊市,寿光市," + phone() + "," + owner + ",5000头,\"猪,牛\",老客户",
                "丰收合作社" + tag + ",合作社,山东省,潍坊市,青州市," + phone() + ",张伟" + tag + ",300亩,,",
                "错类型" + tag + ",农场主,山东省,潍坊市,寿光市," + phone() + ",,,,",
                "无省份" + tag + ",经销商,,潍坊市,寿光市,电话打不通,,,,",
                "鸿运养殖场" + tag + ",养殖场,山东省,潍坊市,寿光市," + phone() + ",,,,同一个客户",
                existing.get("name") + ",养殖场,山东省,潍坊市,寿光市," + phone() + ",,,,已在台账",
                "无名业务员" + tag + ",散户,山东省,潍坊市,寿光市," + phone() + ",李四不存在,,,", "");
        Api.Response started = api.upload("manager", "/api/imports/customers?effectiveAt=" + effectiveAt, "客户.csv",
                csv.getBytes(GBK));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String importId = started.text("importId");
        JsonNode job = awaitDone(importId);

        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("dryRun").asBoolean()).isFalse();
        JsonNode columns = job.path("columns");
        assertThat(columns.path("客户名称（必填）").asText()).isEqualTo("name");
        assertThat(columns.path("类型").asText()).isEqualTo("type");
        assertThat(columns.path("县/区").asText()).isEqualTo("county");
        assertThat(columns.path("手机").asText()).isEqualTo("phone");
        assertThat(columns.path("负责业务员").asText()).isEqualTo("owner");
        assertThat(columns.path("备注").isNull()).as("an unknown header maps to nothing").isTrue();
        assertThat(job.path("rows").asInt()).isEqualTo(7);
        assertThat(job.path("imported").asInt()).isEqualTo(2);
        assertThat(job.path("duplicates").asInt()).isEqualTo(2);
        assertThat(job.path("errors").asInt()).isEqualTo(3);
        assertThat(item(job, 1, "备注").path("message").asText()).contains("unknown column");
        assertThat(item(job, 4, "类型").path("message").asText()).contains("农场主", "not a customer type");
        assertThat(item(job, 5, "省份").path("message").asText()).contains("is empty");
        assertThat(item(job, 5, "手机").path("message").asText()).contains("not a phone number");
        JsonNode inFile = item(job, 6, null);
        assertThat(inFile.path("message").asText()).contains("same customer as row 2");
        assertThat(inFile.path("existingCustomerId").asText()).isEqualTo(importId + "-r2");
        JsonNode inLedger = item(job, 7, null);
        assertThat(inLedger.path("message").asText()).contains("already in the ledger");
        assertThat(inLedger.path("existingCustomerId").asText()).isEqualTo(existingId);
        assertThat(inLedger.path("currentOwnerRepId").asText()).isEqualTo(owner);
        assertThat(item(job, 8, "负责业务员").path("message").asText()).contains("李四不存在");

        JsonNode byId = api.get("manager", "/api/customers/" + importId + "-r2?minPosition=" + headOfLedger()).body();
        assertThat(byId.path("name").asText()).isEqualTo("鸿运养殖场" + tag);
        assertThat(byId.path("type").asText()).isEqualTo("FARM");
        assertThat(byId.path("ownerRepId").asText()).isEqualTo(owner);
        assertThat(byId.path("scale").path("unit").asText()).isEqualTo("HEAD");
        assertThat(byId.path("scale").path("value").asDouble()).isEqualTo(5000);
        assertThat(byId.path("species").toString()).isEqualTo("[\"猪\",\"牛\"]");
        JsonNode byName = api.get("manager", "/api/customers/" + importId + "-r3?minPosition=" + headOfLedger()).body();
        assertThat(byName.path("ownerRepId").asText()).as("owner given by the rep's name").isEqualTo(named);
        assertThat(byName.path("scale").path("unit").asText()).isEqualTo("MU");

        JsonNode period = api.get("auditor", "/api/customers/" + importId + "-r2/ownership?minPosition=" + headOfLedger()).body().path("periods").get(0);
        assertThat(period.path("repId").asText()).isEqualTo(owner);
        assertThat(period.path("reason").asText()).isEqualTo("IMPORT");
        assertThat(period.path("authorizedBy").asText()).isEqualTo("manager");
        assertThat(Instant.parse(period.path("from").asText())).isEqualTo(effectiveAt);
    }

    @Test
    void anXlsxDryRunChecksEveryRowAndImportsNothingThenTheImportAndItsRepeat() throws IOException {
        String owner = "imp-c-" + tag.toLowerCase();
        registerRep(owner, 100);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Customer Name", "ＴＹＰＥ", "Province", " City ", "County", "Phone", "Credit Code", "Owner", "Grade",
                "Scale"));
        rows.add(List.of("金穗种植基地" + tag, "种植基地", "河南省", "周口市", "太康县", Long.parseLong(phone()), creditCode(), owner,
                "A", "1200亩"));
        rows.add(List.of("惠农农资店" + tag, "农资店", "河南省", "周口市", "太康县", Long.parseLong(phone()), "", owner, "", ""));
        rows.add(List.of("惠农农资店" + tag, "RETAIL_STORE", "河南省", "周口市", "太康县", Long.parseLong(phone()), "", owner, "",
                ""));
        rows.add(List.of("坏等级" + tag, "散户", "河南省", "周口市", "太康县", "", "", owner, "Z", "10"));
        byte[] workbook = xlsx(rows);

        long before = storedEvents();
        Api.Response dry = api.upload("admin", "/api/imports/customers?dryRun=true", "customers.xlsx", workbook);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(202);
        JsonNode checked = awaitDone(dry.text("importId"));
        assertThat(checked.path("dryRun").asBoolean()).isTrue();
        assertThat(checked.path("columns").path("ＴＹＰＥ").asText()).isEqualTo("type");
        assertThat(checked.path("columns").path("City").asText()).isEqualTo("city");
        assertThat(checked.path("columns").path("Credit Code").asText()).isEqualTo("creditCode");
        assertThat(checked.path("imported").asInt()).as("would import").isEqualTo(2);
        assertThat(checked.path("duplicates").asInt()).isEqualTo(1);
        assertThat(checked.path("errors").asInt()).isEqualTo(1);
        assertThat(item(checked, 4, null).path("message").asText()).contains("same customer as row 3");
        assertThat(item(checked, 5, "Grade").path("message").asText()).contains("not a grade");
        assertThat(item(checked, 5, "Scale").path("message").asText()).contains("unit");
        assertThat(storedEvents()).as("a dry run appends nothing").isEqualTo(before);

        String importId = api.upload("admin", "/api/imports/customers", "customers.xlsx", workbook).text("importId");
        JsonNode imported = awaitDone(importId);
        assertThat(imported.path("imported").asInt()).isEqualTo(2);
        assertThat(imported.path("duplicates").asInt()).isEqualTo(1);
        JsonNode base = api.get("manager", "/api/customers/" + importId + "-r2?minPosition=" + headOfLedger()).body();
        assertThat(base.path("phone").asText()).as("a number cell read as written").isEqualTo(rows.get(1).get(5).toString());
        assertThat(base.path("grade").asText()).isEqualTo("A");
        assertThat(base.path("region").path("county").asText()).isEqualTo("太康县");

        long afterImport = storedEvents();
        JsonNode again = awaitDone(api.upload("admin", "/api/imports/customers", "customers.xlsx", workbook).text("importId"));
        assertThat(again.path("imported").asInt()).as("the same file again imports nothing").isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(3);
        assertThat(item(again, 2, null).path("existingCustomerId").asText()).isEqualTo(importId + "-r2");
        assertThat(item(again, 2, null).path("currentOwnerRepId").asText()).isEqualTo(owner);
        assertThat(storedEvents()).isEqualTo(afterImport);
    }

    @Test
    void aResumedImportSendsItsRowsAgainAndImportsNoneOfThemTwice() {
        String owner = "imp-d-" + tag.toLowerCase();
        registerRep(owner, 100);
        StringBuilder csv = new StringBuilder("\uFEFF客户名称,客户类型,省,市,县,电话,业务员\n");
        for (int i = 0; i < 30; i++) {
            csv.append("宏达经销商").append(tag).append('-').append(i).append(",经销商,湖南省,长沙市,浏阳市,").append(phone())
                    .append(',').append(owner).append('\n');
        }
        csv.append("宏达经销商").append(tag).append("-0,经销商,湖南省,长沙市,浏阳市,,").append(owner).append('\n');
        String importId = api.upload("manager", "/api/imports/customers", "bom.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).text("importId");
        JsonNode first = awaitDone(importId);
        assertThat(first.path("imported").asInt()).isEqualTo(30);
        assertThat(first.path("duplicates").asInt()).isEqualTo(1);
        long events = storedEvents();

        // a crash after the rows' registrations were stored but before their progress was: the job is
        // back at its first row, and the worker sends every row again
        jdbc.update("DELETE FROM customer_import_item WHERE import_id = ?", importId);
        jdbc.update("UPDATE customer_import SET status = 'RUNNING', next_row = 2, rows_read = 0, imported = 0, "
                + "duplicates = 0, errors = 0, finished_at = NULL WHERE import_id = ?", importId);
        try {
            java.nio.file.Files.write(files.pathOf(importId), csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode resumed = awaitDone(importId);

        assertThat(resumed.path("imported").asInt()).isEqualTo(30);
        assertThat(resumed.path("duplicates").asInt()).isEqualTo(1);
        assertThat(resumed.path("errors").asInt()).isZero();
        assertThat(resumed.path("itemsTotal").asInt()).isEqualTo(1);
        assertThat(storedEvents()).as("no row registered twice").isEqualTo(events);
        JsonNode rep = api.get("manager", "/api/reps/" + owner + "?minPosition=" + headOfLedger()).body();
        assertThat(rep.path("load").asInt()).isEqualTo(30);
    }

    @Test
    void rowsSentTogetherThatAreTheSameCustomerImportTheEarlierRowAndReportTheLaterOne() {
        String owner = "imp-w-" + tag.toLowerCase();
        registerRep(owner, 200);
        // pairs of neighbouring rows, well inside one window of rows in flight: the same phone under another
        // name, and the same name in the same county under another phone
        StringBuilder csv = new StringBuilder("客户名称,客户类型,省,市,县,电话,业务员\n");
        int pairs = 40;
        for (int i = 0; i < pairs; i++) {
            String phone = phone();
            String name = "并发客户" + tag + "-" + i;
            csv.append(name).append(",养殖场,河南省,新乡市,辉县市,").append(phone).append(',').append(owner).append('\n');
            if (i % 2 == 0) {
                csv.append(name).append("二号,养殖场,河南省,新乡市,辉县市,").append(phone).append(',').append(owner).append('\n');
            } else {
                csv.append(name).append(",养殖场,河南省,新乡市,辉县市,").append(phone()).append(',').append(owner).append('\n');
            }
        }
        String importId = api.upload("manager", "/api/imports/customers", "pairs.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).text("importId");
        awaitDone(importId);
        JsonNode done = api.get("manager", "/api/imports/" + importId + "?size=1000").body();

        assertThat(done.path("imported").asInt()).as(done.path("items").toString()).isEqualTo(pairs);
        assertThat(done.path("duplicates").asInt()).isEqualTo(pairs);
        assertThat(done.path("errors").asInt()).isZero();
        for (int i = 0; i < pairs; i++) {
            int earlier = 2 + 2 * i;
            JsonNode item = item(done, earlier + 1, null);
            assertThat(item.path("message").asText()).as("row %d", earlier + 1)
                    .startsWith("the same customer as row " + earlier + " of this file (" + (i % 2 == 0 ? "phone" : "name"));
            assertThat(item.path("existingCustomerId").asText()).isEqualTo(ImportRunner.customerIdOf(importId, earlier));
        }
        JsonNode rep = api.get("manager", "/api/reps/" + owner + "?minPosition=" + headOfLedger()).body();
        assertThat(rep.path("load").asInt()).isEqualTo(pairs);
    }

    @Test
    void rowsWithoutAnOwnerThatARotationRuleDecidesTakeTheirTurnsInSheetOrder() {
        // a province no other test uses: the rule decides only this sheet's rows
        String province = "导入轮转省" + System.nanoTime();
        List<String> reps = List.of("ir-a", "ir-b", "ir-c").stream().map(r -> r + "-" + tag.toLowerCase()).toList();
        for (String rep : reps) {
            assertThat(api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep, "regions",
                    List.of(Map.of("province", province)), "capacity", 100)).status()).isEqualTo(201);
        }
        assertThat(api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of("ruleId", "import-rotation",
                "match", Map.of("region", Map.of("province", province)), "candidates", "territory",
                "strategy", "ROUND_ROBIN")))).status()).isEqualTo(200);
        int rows = 30;
        StringBuilder csv = new StringBuilder("客户名称,客户类型,省,市,县,电话\n");
        for (int i = 0; i < rows; i++) {
            csv.append("轮转客户").append(tag).append('-').append(i).append(",养殖场,").append(province).append(",甲市,乙县,")
                    .append(phone()).append('\n');
        }
        String importId = api.upload("manager", "/api/imports/customers", "rotation.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).text("importId");
        JsonNode done = awaitDone(importId);
        assertThat(done.path("imported").asInt()).as(done.path("items").toString()).isEqualTo(rows);

        long head = headOfLedger();
        List<String> owners = new ArrayList<>();
        for (int row = 2; row < 2 + rows; row++) {
            owners.add(api.get("manager", "/api/customers/" + ImportRunner.customerIdOf(importId, row) + "?minPosition="
                    + head).text("ownerRepId"));
        }
        assertThat(owners).containsOnly(reps.toArray(String[]::new));
        for (int i = 0; i + 3 < rows; i++) {
            assertThat(owners.get(i + 3)).as("rows in turn, in sheet order: %s", owners).isEqualTo(owners.get(i));
            assertThat(owners.get(i + 1)).as("rows in turn, in sheet order: %s", owners).isNotEqualTo(owners.get(i));
        }
    }

    @Test
    void aRepsRowsPastTheirRoomAreRefusedInSheetOrder() {
        String owner = "imp-c-" + tag.toLowerCase();
        registerRep(owner, 5);
        StringBuilder csv = new StringBuilder("客户名称,客户类型,省,市,县,电话,业务员\n");
        for (int i = 0; i < 12; i++) {
            csv.append("满额客户").append(tag).append('-').append(i).append(",散户,河南省,新乡市,辉县市,").append(phone())
                    .append(',').append(owner).append('\n');
        }
        String importId = api.upload("manager", "/api/imports/customers", "room.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).text("importId");
        JsonNode done = awaitDone(importId);

        assertThat(done.path("imported").asInt()).isEqualTo(5);
        assertThat(done.path("errors").asInt()).isEqualTo(7);
        for (int row = 7; row <= 13; row++) {
            assertThat(item(done, row, "业务员").path("message").asText()).as("row %d", row).startsWith("REP_AT_CAPACITY");
        }
    }

    @Test
    void theSampleSheetsOfTheRepositoryMapEveryColumnAndCheckClean() throws IOException {
        for (String sample : List.of("customers.csv", "customers.xlsx")) {
            byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "docs", "samples", sample));
            Api.Response started = api.upload("manager", "/api/imports/customers?dryRun=true", sample, file);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            JsonNode job = awaitDone(started.text("importId"));
            assertThat(job.path("rows").asInt()).isEqualTo(5);
            job.path("columns").forEach(field -> assertThat(field.isNull()).as(job.path("columns").toString()).isFalse());
            assertThat(job.path("columns").size()).isEqualTo(17);
            // the sample names reps rep-a and rep-b, which this shared ledger may not have registered
            job.path("items").forEach(item -> assertThat(item.path("column").asText()).as(item.toString())
                    .isEqualTo("负责业务员"));
        }
    }

    @Test
    void dryRunAndEffectiveAtMayComeAsFormFieldsAfterTheFileAsCurlSendsThem() {
        String csv = "客户名称,客户类型,省份\r\n表单字段养殖场" + tag + ",养殖场,山东省\r\n";
        String body = "--f\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--f\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n"
                + "true\r\n--f\r\nContent-Disposition: form-data; name=\"effectiveAt\"\r\n\r\n2025-06-01T00:00:00Z\r\n--f--\r\n";
        long before = storedEvents();
        java.net.http.HttpResponse<String> started = multipart("boundary=f", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).contains("\"dryRun\":true");
        String importId = started.body().replaceAll(".*\"importId\":\"([^\"]+)\".*", "$1");
        JsonNode job = awaitDone(importId);
        assertThat(job.path("effectiveAt").asText()).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(job.path("imported").asInt()).as("would import").isEqualTo(1);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aTitleRowAboveTheHeaderIsPassedOverAndRowsKeepTheSheetsNumbers() throws IOException {
        byte[] workbook = xlsx(List.of(List.of("2024年客户台账（潍坊办）"), List.of("制表：王会计"),
                List.of("客户名称", "客户类型", "省份", "备注"), List.of("标题行测试养殖场" + tag, "养殖场", "山东省"),
                List.of("标题行测试散户" + tag, "散户", "")));
        JsonNode job = awaitDone(api.upload("manager", "/api/imports/customers?dryRun=true", "台账.xlsx", workbook)
                .text("importId"));
        assertThat(job.path("columns").path("客户名称").asText()).isEqualTo("name");
        assertThat(job.path("rows").asInt()).isEqualTo(2);
        assertThat(job.path("imported").asInt()).isEqualTo(1);
        assertThat(item(job, 5, "省份").path("message").asText()).contains("is empty");
        assertThat(item(job, 3, "备注").path("message").asText()).as("reported on the header's row").contains("unknown");
    }

    @Test
    void aFileTheLedgerCannotImportIsA400AndStartsNoJob() throws IOException {
        Integer jobs = jdbc.queryForObject("SELECT COUNT(*) FROM customer_import", Integer.class);
        assertProblem(api.upload("manager", "/api/imports/customers", "empty.csv", new byte[0]), "empty-file");
        assertProblem(api.upload("manager", "/api/imports/customers", "header.csv",
                "客户名称,类型\n".getBytes(StandardCharsets.UTF_8)), "empty-file");
        assertProblem(api.upload("manager", "/api/imports/customers", "photo.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), "not-a-spreadsheet");
        assertProblem(api.upload("manager", "/api/imports/customers", "old.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}),
                "not-a-spreadsheet");
        assertProblem(api.upload("manager", "/api/imports/customers", "broken.xlsx",
                new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5}), "not-a-spreadsheet");
        assertProblem(api.upload("manager", "/api/imports/customers", "nameless.xlsx",
                xlsx(List.of(List.of("电话", "地址"), List.of("13800000000", "寿光")))), "no-name-column");
        assertProblem(api.upload("manager", "/api/imports/customers?effectiveAt=2199-01-01T00:00:00Z", "future.csv",
                "名称,类型,省\n甲,散户,山东省\n".getBytes(StandardCharsets.UTF_8)), "invalid-input");
        byte[] large = ("名称,类型,省\n" + "某某养殖场,散户,山东省\n".repeat(60_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan(1 << 20);
        assertProblem(api.upload("manager", "/api/imports/customers", "large.csv", large), "file-too-large");
        java.net.http.HttpResponse<String> malformed = multipart("boundary=x", "not a multipart body");
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("urn:customer-ledger:problem:malformed-upload");
        java.net.http.HttpResponse<String> noFile = multipart("boundary=b", "--b\r\nContent-Disposition: form-data; "
                + "name=\"other\"\r\n\r\nx\r\n--b--\r\n");
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Api.Response json = api.post("manager", "/api/imports/customers", Map.of("file", "x"));
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        Api.Response rep = api.upload("rep-a", "/api/imports/customers", "a.csv",
                "名称,类型,省\n甲,散户,山东省\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rep.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_import", Integer.class)).isEqualTo(jobs);
        assertThat(api.get("manager", "/api/imports/imp-nothing").status()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> multipart(String boundary, String body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + api.port() + "/api/imports/customers"))
                    .header("Content-Type", "multipart/form-data; " + boundary)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "manager:manager-pass".getBytes(StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Api.Response response, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:customer-ledger:problem:" + type);
        assertThat(response.text("code")).isEqualTo(type.toUpperCase().replace('-', '_'));
    }

    /** The item reported for {@code row} at {@code column} (null: the row as a whole). */
    private static JsonNode item(JsonNode job, int row, String column) {
        for (JsonNode item : job.path("items")) {
            if (item.path("row").asInt() == row && (column == null ? item.path("column").isNull()
                    : column.equals(item.path("column").asText()))) {
                return item;
            }
        }
        throw new AssertionError("no item for row " + row + " column " + column + " in " + job.path("items"));
    }

    private JsonNode awaitDone(String importId) {
        Api.Response job = api.await("manager", "/api/imports/" + importId,
                r -> !"RUNNING".equals(r.text("status")), Duration.ofSeconds(60));
        assertThat(job.text("status")).as(job.toString()).isNotEqualTo("RUNNING");
        return job.body();
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private long headOfLedger() {
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return last == null ? 0 : last;
    }

    private static String phone() {
        return "15" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    }

    private static String creditCode() {
        return "91410627" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("客户");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
