package com.customerledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pure logic of the benchmark: options, parsing the ledger's answers, the JSON it writes. */
class BenchLogicTest {

    @Test
    void optionsDefaultToTheSmallSizeUnderTarget() {
        Main.Options options = Main.Options.parse();
        assertEquals("small", options.size().name());
        assertEquals(Path.of("target/bench"), options.out());
        assertEquals(100_000, Main.Options.parse("--size", "full").size().customers());
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--size", "huge"));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--threads"));
    }

    @Test
    void readsTheProjectionStatusOfTheAdminApi() {
        String body = "[{\"name\":\"customer-view\",\"running\":true,\"replaying\":false,\"error\":false,\"segments\":1,"
                + "\"position\":42,\"head\":42,\"lag\":0,\"parked\":0,\"failure\":null},"
                + "{\"name\":\"rep-view\",\"running\":true,\"replaying\":true,\"error\":false,\"segments\":1,"
                + "\"position\":null,\"head\":42,\"lag\":null,\"parked\":0,"
                + "\"failure\":{\"type\":\"X\",\"message\":\"m\",\"at\":\"2026-01-01T00:00:00Z\"}}]";
        List<LedgerClient.Projection> projections = LedgerClient.projections(body);
        assertEquals(2, projections.size());
        assertTrue(projections.get(0).atHead());
        assertEquals("rep-view", projections.get(1).name());
        assertFalse(projections.get(1).atHead());
    }

    @Test
    void readsThePeakHeapFromTheGcLog() {
        var log = java.util.stream.Stream.of("[0.010s][info][gc] Using G1",
                "[2.104s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.112ms",
                "[9.870s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 1G->300M(2048M) 9.0ms",
                "[9.990s][info][gc] GC(2) Pause Remark 512K->400K(2048M) 1.0ms");
        assertEquals(1L << 30, LedgerProcess.peakHeapBeforeGc(log));
        assertEquals(-1, LedgerProcess.peakHeapBeforeGc(java.util.stream.Stream.of("[0.010s][info][gc] Using G1")));
    }

    @Test
    void registrationsHaveDistinctValidCreditCodes() {
        Pattern creditCode = Pattern.compile("\"creditCode\":\"([0-9A-HJ-NPQRTUWXY]{18})\"");
        var first = creditCode.matcher(Workload.registration(1));
        var second = creditCode.matcher(Workload.registration(2));
        assertTrue(first.find());
        assertTrue(second.find());
        assertFalse(first.group(1).equals(second.group(1)));
    }

    @Test
    void writesJson() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"b\"\n");
        value.put("rate", 1.5);
        value.put("list", List.of(1L, true));
        value.put("none", Double.NaN);
        assertEquals("{\"name\":\"a \\\"b\\\"\\n\",\"rate\":1.5000,\"list\":[1,true],\"none\":null}", Report.toJson(value));
    }
}
