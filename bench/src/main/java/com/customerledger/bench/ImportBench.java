package com.customerledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the packaged ledger imports a big sheet, and how much heap it takes: writes a CSV (or an .xlsx) of
 * {@code --rows} customers (default 100,000; owners by rep id, every 100th row a duplicate of the row
 * before), starts the jar on a fresh data directory, uploads the sheet, follows the import job to
 * its end, and prints rows/s, the ledger's CPU per row, its peak heap (from its GC log) and RSS, its
 * fdatasyncs of the write-ahead log and commits per sync (group commit), this machine's fdatasync
 * rate before and after, and the load average, as a table and JSON:
 *
 * <pre>java -cp bench/target/ledger-bench.jar com.customerledger.bench.ImportBench [--rows 100000] [--format csv|xlsx] [--out target/bench] [--jar api/target/customer-ledger.jar]</pre>
 */
public final class ImportBench {

    private static final Pattern NUMBER = Pattern.compile("\"(rows|imported|duplicates|errors)\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern IMPORT_ID = Pattern.compile("\"importId\":\"([^\"]+)\"");
    private static final String[] TYPES = {"养殖场", "合作社", "经销商", "种植基地", "农资店", "牧场", "散户"};
    private static final String[] COUNTIES = {"寿光市", "青州市", "诸城市", "安丘市", "昌乐县", "临朐县"};

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--rows", "100000", "--out", "target/bench",
                "--jar", "api/target/customer-ledger.jar", "--format", "csv"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("usage: [--rows N] [--out DIR] [--jar LEDGER_JAR] [--format csv|xlsx]; not " + args[i]);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        int rows = Integer.parseInt(options.get("--rows"));
        Path out = Path.of(options.get("--out"));
        Path jar = Path.of(options.get("--jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("no ledger jar at " + jar + "; build it with ./mvnw -B -DskipTests package");
            System.exit(2);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = out.resolve("import-data-" + stamp).toAbsolutePath();
        Files.createDirectories(dataDir);
        boolean xlsx = switch (options.get("--format")) {
            case "csv" -> false;
            case "xlsx" -> true;
            default -> {
                System.err.println("--format is csv or xlsx, not " + options.get("--format"));
                System.exit(2);
                yield false;
            }
        };
        Path sheet = out.resolve("import-" + stamp + (xlsx ? ".xlsx" : ".csv")).toAbsolutePath();
        int duplicates = xlsx ? writeWorkbook(sheet, rows) : writeSheet(sheet, rows);
        System.out.printf("sheet: %,d rows (%,d of them duplicates), %,d bytes%n", rows, duplicates, Files.size(sheet));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("format", options.get("--format"));
        figures.put("sheetBytes", Files.size(sheet));
        String loadAtStart = loadAverage();
        double fsyncBefore = FsyncProbe.syncsPerSecond(dataDir.getParent(), Duration.ofSeconds(2));
        System.out.printf("fdatasync before: %,.0f/s; load average %s%n", fsyncBefore, loadAtStart);
        try (LedgerProcess ledger = LedgerProcess.start(jar, dataDir, out.resolve("import-ledger-" + stamp + ".log")
                .toAbsolutePath(), out.resolve("import-gc-" + stamp + ".log").toAbsolutePath())) {
            LedgerClient client = new LedgerClient(ledger.baseUri());
            client.registerRep("rep-a");
            client.registerRep("rep-b");
            double syncsBefore = metric(client, "ledger_storage_wal_syncs_total");
            double commitsBefore = metric(client, "ledger_storage_commits_total");
            double cpuBefore = ledger.cpuMillis();
            long started = System.nanoTime();
            String importId = upload(ledger.baseUri(), sheet, "");
            String job = "";
            long lastPrint = 0;
            while (true) {
                job = client.get("manager", "/api/imports/" + importId + "?size=1").body();
                String status = field(STATUS, job);
                long now = System.nanoTime();
                if (now - lastPrint > 10_000_000_000L) {
                    lastPrint = now;
                    System.out.printf("  %s: %s rows after %.0f s%n", status, numbers(job).get("rows"),
                            (now - started) / 1e9);
                }
                if (!"RUNNING".equals(status)) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuAtDone = ledger.cpuMillis();
            Map<String, Long> counts = numbers(job);
            figures.put("rows", counts.get("rows"));
            figures.put("imported", counts.get("imported"));
            figures.put("duplicates", counts.get("duplicates"));
            figures.put("errors", counts.get("errors"));
            figures.put("status", field(STATUS, job));
            figures.put("seconds", Math.round(seconds * 10) / 10.0);
            figures.put("rowsPerSecond", Math.round(counts.get("rows") / seconds));
            figures.put("cpuMillisPerRow", Math.round((cpuAtDone - cpuBefore) / counts.get("rows") * 100) / 100.0);
            double syncs = metric(client, "ledger_storage_wal_syncs_total") - syncsBefore;
            double commits = metric(client, "ledger_storage_commits_total") - commitsBefore;
            figures.put("walSyncsPerSecond", Math.round(syncs / seconds));
            figures.put("commitsPerWalSync", syncs > 0 ? Math.round(commits / syncs * 100) / 100.0 : 0);
            // the read models follow the events behind the job: until they have caught up, the import's work is not all done
            client.awaitProjectionsAtHead(Duration.ofMinutes(30));
            double caughtUp = (System.nanoTime() - started) / 1e9;
            figures.put("secondsUntilReadModelsCaughtUp", Math.round(caughtUp * 10) / 10.0);
            figures.put("cpuMillisPerRowWithReadModels", Math.round((ledger.cpuMillis() - cpuBefore) / counts.get("rows")
                    * 100) / 100.0);
            figures.put("peakHeapBytes", ledger.peakHeapBytes());
            figures.put("peakHeapAfterGcBytes", ledger.peakHeapAfterGcBytes());
            figures.put("peakRssBytes", ledger.peakRssBytes());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
        }
        double fsyncAfter = FsyncProbe.syncsPerSecond(dataDir.getParent(), Duration.ofSeconds(2));
        figures.put("fdatasyncPerSecondBefore", Math.round(fsyncBefore));
        figures.put("fdatasyncPerSecondAfter", Math.round(fsyncAfter));
        figures.put("loadAverageAtStart", loadAtStart);
        figures.put("loadAverageAtEnd", loadAverage());
        System.out.println();
        System.out.printf("| %-34s | %s |%n", "figure", "value");
        System.out.printf("|%s|%s|%n", "-".repeat(36), "-".repeat(20));
        figures.forEach((name, value) -> System.out.printf("| %-34s | %s |%n", name, value instanceof Long number
                && name.endsWith("Bytes") ? String.format("%,.0f MiB", number / 1048576.0) : value));
        StringBuilder json = new StringBuilder("{");
        figures.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
                .append(value instanceof String ? "\"" + value + "\"" : value));
        Path result = out.resolve("import-" + stamp + ".json");
        Files.writeString(result, json.append("}\n").toString());
        System.out.println("figures written to " + result);
        Files.deleteIfExists(sheet);
        // the data directory holds nothing the figures need
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static final String[] HEADERS = {"客户名称", "客户类型", "省份", "城市", "县区", "电话", "联系人", "规模", "养殖品种",
        "负责业务员"};

    /** A plausible sheet: every 100th row repeats the row before it (a duplicate within the file). */
    static int writeSheet(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADERS) + "\n");
            return rows(rows, cells -> {
                out.write(String.join(",", cells));
                out.write('\n');
            });
        }
    }

    /** The same sheet as an .xlsx workbook, written as Excel writes one (text in the shared strings table). */
    static int writeWorkbook(Path file, int rows) throws IOException {
        try (java.io.OutputStream stream = Files.newOutputStream(file);
             org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(stream, "ImportBench", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("客户");
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.value(0, c, HEADERS[c]);
            }
            int[] next = {1};
            int duplicates = rows(rows, cells -> {
                int r = next[0]++;
                for (int c = 0; c < cells.length; c++) {
                    sheet.value(r, c, cells[c]);
                }
                if (r % 1000 == 0) {
                    sheet.flush();
                }
            });
            sheet.finish();
            return duplicates;
        }
    }

    private interface RowSink {
        void accept(String[] cells) throws IOException;
    }

    /** Hands {@code rows} rows to {@code sink}; answers how many of them repeat the row before. */
    private static int rows(int rows, RowSink sink) throws IOException {
        int duplicates = 0;
        String[] previous = null;
        for (int i = 0; i < rows; i++) {
            String[] row;
            if (i % 100 == 99 && previous != null) {
                row = previous;
                duplicates++;
            } else {
                row = new String[] {"潍坊客户" + i + TYPES[i % TYPES.length], TYPES[i % TYPES.length], "山东省", "潍坊市",
                    COUNTIES[i % COUNTIES.length], Long.toString(13_000_000_000L + i), "联系人" + i, (50 + i % 5000) + "头", "猪",
                    i % 2 == 0 ? "rep-a" : "rep-b"};
            }
            sink.accept(row);
            previous = row;
        }
        return duplicates;
    }

    /** Uploads {@code sheet} as the file of an import (query: e.g. {@code ?effectiveAt=…}); answers the import's id. */
    static String upload(String base, Path sheet, String query) throws IOException, InterruptedException {
        String boundary = "bench-" + System.nanoTime();
        boolean xlsx = sheet.getFileName().toString().endsWith(".xlsx");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench"
                + (xlsx ? ".xlsx" : ".csv") + "\"\r\nContent-Type: " + (xlsx
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/imports/customers" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "manager:manager-pass".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(sheet), HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the upload was refused: " + response.statusCode() + " " + response.body());
        }
        return field(IMPORT_ID, response.body());
    }

    /** A counter of the ledger's Prometheus page ({@code /actuator/prometheus}, open to all); 0 when absent. */
    private static double metric(LedgerClient client, String name) throws IOException, InterruptedException {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(client.get("manager", "/actuator/prometheus").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static Map<String, Long> numbers(String json) {
        Map<String, Long> numbers = new LinkedHashMap<>(Map.of("rows", 0L, "imported", 0L, "duplicates", 0L, "errors", 0L));
        Matcher matcher = NUMBER.matcher(json);
        while (matcher.find()) {
            numbers.putIfAbsent(matcher.group(1), 0L);
            numbers.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return numbers;
    }
}
