package com.customerledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, kept twice: as rows of a table (what, figure) printed as Markdown so it
 * can go into the README as it is, and as nested maps written out as JSON.
 */
final class Report {

    private final List<String[]> rows = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    /** Adds a row to the table and {@code value} under {@code key} to the JSON. */
    void add(String what, String figure, String key, Object value) {
        rows.add(new String[] {what, figure});
        json.put(key, value);
    }

    Object get(String key) {
        return json.get(key);
    }

    /** Adds a value to the JSON only. */
    void put(String key, Object value) {
        json.put(key, value);
    }

    /**
     * A throughput row: commands/s, as a ratio to the fdatasync rate, latencies and CPU per command,
     * all of it and net of what the idle ledger would have used in the same time ({@code idleCpuMillis}).
     */
    void throughput(String what, String key, Load.Result result, double cpuMillis, double idleCpuMillis,
                    double fsyncPerSecond) {
        double perCommand = cpuMillis / Math.max(1, result.ok());
        double netPerCommand = (cpuMillis - idleCpuMillis) / Math.max(1, result.ok());
        Map<String, Object> figures = figures(result, fsyncPerSecond, perCommand);
        figures.put("cpuMsPerCommandNetOfIdle", netPerCommand);
        add(what, String.format(Locale.ROOT,
                        "%,.0f/s (%.3f × fdatasync), p50 %.1f ms, p99 %.1f ms, CPU/command %.1f ms (%.1f net of idle)%s",
                        result.perSecond(), result.perSecond() / fsyncPerSecond, result.p50Millis(),
                        result.p99Millis(), perCommand, netPerCommand,
                        result.failed() == 0 ? "" : ", " + result.failed() + " failed"),
                key, figures);
    }

    static Map<String, Object> figures(Load.Result result, double fsyncPerSecond, double cpuMillisPerCommand) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commands", result.ok());
        figures.put("failed", result.failed());
        figures.put("seconds", result.seconds());
        figures.put("perSecond", result.perSecond());
        figures.put("ratioToFdatasync", result.perSecond() / fsyncPerSecond);
        figures.put("p50Ms", result.p50Millis());
        figures.put("p99Ms", result.p99Millis());
        if (cpuMillisPerCommand >= 0) {
            figures.put("cpuMsPerCommand", cpuMillisPerCommand);
        }
        return figures;
    }

    String table() {
        StringBuilder table = new StringBuilder("| what | figure |\n|---|---|\n");
        rows.forEach(row -> table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
        return table.toString();
    }

    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(toJson(k.toString()))
                    .append(':').append(toJson(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(toJson(v)));
            return out.append(']').toString();
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", number);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
