package com.customerledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a running ledger, through its HTTP API and the development users, with a company to look
 * at: reps in five provinces, farms, ranches, cooperatives, planting bases, dealers and shops with
 * plausible names in real counties, imported as a book kept since two years ago; then two years of
 * visits, deals and opportunities, a few transfers and the departure of a rep. Everything is
 * derived from {@code --seed} and the time the demo's first rep was registered, and every write
 * names its own id, so a second run adds nothing (it reports what was already there):
 *
 * <pre>java -cp bench/target/ledger-bench.jar com.customerledger.bench.DemoData [--url http://localhost:8080] [--customers 300] [--seed 1]</pre>
 */
public final class DemoData {

    private record Rep(String id, String name, String province, String city, List<String> counties) {
    }

    private static final List<Rep> REPS = List.of(
            new Rep("rep-a", "李明", "山东省", "潍坊市", List.of("寿光市", "青州市", "诸城市")),
            new Rep("demo-sd-02", "王强", "山东省", "临沂市", List.of("兰陵县", "沂水县", "费县")),
            new Rep("rep-b", "赵敏", "河南省", "周口市", List.of("太康县", "鹿邑县", "项城市")),
            new Rep("demo-hn-02", "张磊", "河南省", "驻马店市", List.of("遂平县", "西平县", "汝南县")),
            new Rep("demo-hb-01", "刘洋", "河北省", "保定市", List.of("定州市", "清苑区", "涿州市")),
            new Rep("demo-hun-01", "陈静", "湖南省", "长沙市", List.of("浏阳市", "宁乡市", "长沙县")),
            new Rep("demo-js-01", "杨帆", "江苏省", "盐城市", List.of("东台市", "大丰区", "射阳县")),
            new Rep("demo-js-02", "周杰", "江苏省", "盐城市", List.of("东台市", "大丰区", "射阳县")));
    /** The rep who leaves, and who takes over the book. */
    private static final String LEAVER = "demo-js-02";
    private static final String SUCCESSOR = "demo-js-01";
    /** Reps with a login of the embedded default: only they can record their visits. */
    private static final List<String> WITH_LOGIN = List.of("rep-a", "rep-b");

    private static final String[] BRANDS = {"绿源", "丰泽", "金穗", "宏达", "兴旺", "润田", "福康", "康牧", "鑫农", "惠民", "沃土",
            "红星", "瑞丰", "天成", "嘉禾", "永盛", "德胜", "华丰", "益农", "富民"};
    private static final String[][] KINDS = {
            {"养殖场", "生猪养殖场", "FARM", "pig"}, {"蛋鸡养殖场", "蛋鸡场", "FARM", "layer"}, {"牧业", "肉牛牧场", "RANCH", "cattle"},
            {"种植专业合作社", "果蔬合作社", "COOPERATIVE", ""}, {"蔬菜种植基地", "果蔬基地", "PLANTING_BASE", ""},
            {"农资经销部", "饲料经销商", "DEALER", ""}, {"农资店", "农资门市", "RETAIL_STORE", ""}};
    private static final String[] TYPE_NAMES = {"养殖场", "养殖场", "牧场", "合作社", "种植基地", "经销商", "农资店"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "德福", "海燕", "永刚", "春梅", "国华", "丽娟"};
    private static final String[] CROPS = {"小麦", "玉米", "番茄", "辣椒", "大蒜", "黄瓜", "苹果", "水稻"};
    private static final String[] NOTES = {"看了猪舍，存栏稳定，想试用教槽料", "电话回访，上批肥料效果不错", "微信沟通价格，要等资金回笼",
            "现场看苗情，推荐水溶肥", "客户抱怨上次送货晚了两天", "带农技老师去讲了一次课", "谈下季度订货量"};
    private static final String[] LINES = {"feed", "premix", "fertilizer", "seed", "pesticide"};
    private static final Pattern DUPLICATE = Pattern.compile(
            "\"row\":(\\d+),\"column\":null,\"message\":\"(?:[^\"\\\\]|\\\\.)*\",\"existingCustomerId\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern REGISTERED_AT = Pattern.compile("\"registeredAt\":\"([^\"]+)\"");

    private final LedgerClient ledger;
    private final String base;
    private final int customers;
    private final long seed;
    private final Map<String, int[]> outcomes = new LinkedHashMap<>();

    private DemoData(String base, int customers, long seed) {
        this.base = base;
        this.ledger = new LedgerClient(base);
        this.customers = customers;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--url", "http://localhost:8080", "--customers", "300",
                "--seed", "1"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("usage: [--url http://localhost:8080] [--customers N] [--seed S]; not " + args[i]);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        new DemoData(options.get("--url"), Integer.parseInt(options.get("--customers")),
                Long.parseLong(options.get("--seed"))).run();
    }

    private void run() throws Exception {
        long headBefore = ledger.head();
        for (Rep rep : REPS) {
            LedgerClient.Answer answer = ledger.post("admin", "/api/reps", "{\"repId\":\"" + rep.id() + "\",\"name\":\""
                    + rep.name() + "\",\"regions\":[{\"province\":\"" + rep.province() + "\",\"city\":\"" + rep.city()
                    + "\"}],\"productLines\":[\"feed\",\"fertilizer\",\"seed\"],\"customerTypes\":[\"FARM\",\"RANCH\","
                    + "\"COOPERATIVE\",\"PLANTING_BASE\",\"DEALER\",\"RETAIL_STORE\",\"SMALLHOLDER\"],\"capacity\":"
                    + Math.max(200, customers) + "}");
            count("reps", answer);
        }
        // every time of the demo is measured back from when its first rep was registered: the same on every run
        Instant anchor = Instant.parse(field(REGISTERED_AT, ledger.get("manager", "/api/reps/" + REPS.get(1).id()).body()))
                .truncatedTo(ChronoUnit.SECONDS);
        Instant start = anchor.minus(Duration.ofDays(730));

        List<String[]> rows = new ArrayList<>();
        Path sheet = Files.createTempFile("demo-customers-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(sheet, StandardCharsets.UTF_8)) {
            out.write("客户名称,客户类型,省份,城市,县区,电话,联系人,职务,规模,养殖品种,种植作物,产品线,负责业务员,来源\n");
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < customers; i++) {
                String[] row = customer(i);
                if (!names.add(row[0] + "/" + row[4])) {
                    row[0] = row[0] + (i + 1) + "分场";
                    names.add(row[0] + "/" + row[4]);
                }
                rows.add(row);
                out.write(String.join(",", row) + "\n");
            }
        }
        Map<Integer, String> idByRow = importBook(sheet, start);
        Files.deleteIfExists(sheet);

        int total = rows.size();
        for (int i = 0; i < total; i++) {
            progress("activity", i, total);
            String customerId = idByRow.get(i + 2);
            if (customerId == null) {
                continue;
            }
            Random random = new Random(seed * 1_000_003 + i);
            String owner = rows.get(i)[12];
            if (WITH_LOGIN.contains(owner)) {
                for (int v = 0; v < 1 + random.nextInt(4); v++) {
                    Instant at = between(random, start, anchor);
                    count("visits", ledger.post(owner, "/api/customers/" + customerId + "/visits", "{\"visitId\":\"demo-v-"
                            + seed + "-" + i + "-" + v + "\",\"visitedAt\":\"" + at + "\",\"channel\":\""
                            + new String[] {"ON_SITE", "PHONE", "MESSAGE"}[random.nextInt(3)] + "\",\"notes\":\""
                            + NOTES[random.nextInt(NOTES.length)] + "\",\"nextFollowUpAt\":\"" + at.plus(Duration.ofDays(14))
                            + "\"}"));
                }
            }
            if (random.nextInt(10) < 3) {
                for (int d = 0; d < 1 + random.nextInt(3); d++) {
                    int amount = 5_000 + random.nextInt(200_000);
                    count("deals", ledger.post("manager", "/api/customers/" + customerId + "/deals", "{\"dealId\":\"demo-d-"
                            + seed + "-" + i + "-" + d + "\",\"productLine\":\"" + LINES[random.nextInt(LINES.length)]
                            + "\",\"amount\":\"" + amount + ".00\",\"margin\":\"" + amount / 8 + ".00\",\"closedAt\":\""
                            + between(random, start, anchor) + "\"}"));
                }
            }
            if (random.nextInt(10) < 2) {
                opportunity(customerId, i, random);
            }
        }
        progress("activity", total, total);

        List<String> transferred = new ArrayList<>();
        for (int i = 0; i < total && transferred.size() < Math.max(1, total / 20); i++) {
            String customerId = idByRow.get(i + 2);
            String owner = rows.get(i)[12];
            if (customerId == null || owner.isEmpty() || owner.equals(LEAVER) || i % 7 != 3) {
                continue;
            }
            Rep from = REPS.stream().filter(rep -> rep.id().equals(owner)).findFirst().orElseThrow();
            Rep to = REPS.stream().filter(rep -> rep.province().equals(from.province()) && !rep.id().equals(owner)
                    && !rep.id().equals(LEAVER)).findFirst().orElse(null);
            if (to == null) {
                continue;
            }
            count("transfers", ledger.post("manager", "/api/customers/" + customerId + "/transfer", "{\"toRepId\":\""
                    + to.id() + "\",\"reason\":\"REBALANCE\",\"effectiveAt\":\"" + anchor.minus(Duration.ofDays(365))
                    + "\",\"expectedOwnerRepId\":\"" + owner + "\",\"note\":\"区域调整\"}"));
            transferred.add(customerId);
        }
        progress("transfers", transferred.size(), transferred.size());

        LedgerClient.Answer departure = ledger.post("manager", "/api/reps/" + LEAVER + "/departure", "{\"successorRepId\":\""
                + SUCCESSOR + "\",\"effectiveAt\":\"" + anchor.minus(Duration.ofDays(30)) + "\",\"reason\":\"离职\"}");
        count("departure", departure);
        ledger.awaitProjectionsAtHeadQuietly();
        long appended = ledger.head() - headBefore;
        System.out.println();
        outcomes.forEach((what, counts) -> System.out.printf("%-13s %,6d accepted, %,6d refused (already done, or not allowed)%n",
                what, counts[0], counts[1]));
        System.out.printf("events appended by this run: %,d%s%n", appended, appended == 0 ? " (the demo was already there)" : "");
        System.out.println("customers: GET " + base + "/api/customers (manager/manager-pass); reps: GET " + base + "/api/reps");
    }

    /** One customer row of the sheet: 客户名称 … 来源; owners by rep id, every eleventh row without one (rules or pool). */
    private String[] customer(int i) {
        Random random = new Random(seed * 7_919 + i);
        Rep rep = REPS.get(i % REPS.size());
        String county = rep.counties().get(random.nextInt(rep.counties().size()));
        int kind = random.nextInt(KINDS.length);
        boolean smallholder = random.nextInt(12) == 0;
        String contact = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String name = smallholder ? county.substring(0, county.length() - 1) + contact + "（散户" + i + "）"
                : county + BRANDS[random.nextInt(BRANDS.length)] + KINDS[kind][random.nextInt(2)];
        String type = smallholder ? "散户" : TYPE_NAMES[kind];
        boolean livestock = !smallholder && (KINDS[kind][2].equals("FARM") || KINDS[kind][2].equals("RANCH"));
        String scale = livestock ? (200 + random.nextInt(20_000)) + "头" : (20 + random.nextInt(3_000)) + "亩";
        String species = livestock ? KINDS[kind][3] : "";
        String crops = livestock ? "" : CROPS[random.nextInt(CROPS.length)] + "、" + CROPS[random.nextInt(CROPS.length)];
        String phone = "139" + String.format("%08d", Math.floorMod(i * 104_729L + seed * 7_727L, 100_000_000L));
        String owner = i % 11 == 10 ? "" : rep.id();
        return new String[] {name, type, rep.province(), rep.city(), county, phone, contact,
                new String[] {"场长", "理事长", "经理", "老板", "技术员"}[random.nextInt(5)], scale, species, crops,
                livestock ? "feed、premix" : "fertilizer、seed", owner, new String[] {"展会", "老客户介绍", "地推", "电话"}[
                random.nextInt(4)]};
    }

    /**
     * Imports the book and answers the customer id of every row: made now, or already there from an
     * earlier run (a duplicate names it). An accepted visit, deal or opportunity of a second run is a
     * repeat of the first run's, with the same id and data, which appends nothing.
     */
    private Map<Integer, String> importBook(Path sheet, Instant effectiveAt) throws Exception {
        String importId = ImportBench.upload(base, sheet, "?effectiveAt=" + effectiveAt);
        String job;
        do {
            Thread.sleep(500);
            job = ledger.get("manager", "/api/imports/" + importId + "?size=1").body();
            Matcher rows = Pattern.compile("\"rows\":(\\d+)").matcher(job);
            progress("customers", rows.find() ? Integer.parseInt(rows.group(1)) : 0, customers);
        } while ("RUNNING".equals(field(STATUS, job)));
        progress("customers", customers, customers);
        Map<Integer, String> ids = new HashMap<>();
        for (int row = 2; row < customers + 2; row++) {
            ids.put(row, importId + "-r" + row);
        }
        int already = 0;
        for (int page = 0; ; page++) {
            String items = ledger.get("manager", "/api/imports/" + importId + "?size=1000&page=" + page).body();
            Matcher duplicate = DUPLICATE.matcher(items);
            int found = 0;
            while (duplicate.find()) {
                ids.put(Integer.parseInt(duplicate.group(1)), duplicate.group(2));
                found++;
                already++;
            }
            if (!items.contains("\"row\":")) {
                break;
            }
            if (found == 0 && page > 0) {
                break;
            }
        }
        Matcher imported = Pattern.compile("\"imported\":(\\d+)").matcher(job);
        outcomes.put("customers", new int[] {imported.find() ? Integer.parseInt(imported.group(1)) : 0, already});
        return ids;
    }

    private void opportunity(String customerId, int i, Random random) throws Exception {
        String id = "demo-o-" + seed + "-" + i;
        count("opportunities", ledger.post("manager", "/api/opportunities", "{\"opportunityId\":\"" + id
                + "\",\"customerId\":\"" + customerId + "\",\"productLine\":\"" + LINES[random.nextInt(LINES.length)]
                + "\",\"expectedValue\":" + (10_000 + random.nextInt(90_000)) + "}"));
        int stages = random.nextInt(4);
        String[] names = {"VISITED", "SAMPLE_SENT", "QUOTED"};
        for (int s = 0; s < stages; s++) {
            count("stages", ledger.post("manager", "/api/opportunities/" + id + "/stage", "{\"stage\":\"" + names[s] + "\"}"));
        }
        if (stages == 3) {
            count("stages", random.nextBoolean()
                    ? ledger.post("manager", "/api/opportunities/" + id + "/won", "{\"amount\":" + (8_000 + random.nextInt(80_000)) + "}")
                    : ledger.post("manager", "/api/opportunities/" + id + "/lost", "{\"reason\":\"价格太高\"}"));
        }
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Duration.between(from, to).getSeconds();
        return from.plusSeconds((long) (random.nextDouble() * span)).truncatedTo(ChronoUnit.SECONDS);
    }

    private void count(String what, LedgerClient.Answer answer) {
        int[] counts = outcomes.computeIfAbsent(what, k -> new int[2]);
        counts[answer.ok() ? 0 : 1]++;
        if (answer.status() >= 500) {
            throw new IllegalStateException(what + ": " + answer);
        }
    }

    private static void progress(String what, int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        System.out.printf("\r%-10s [%s%s] %,d/%,d", what, "#".repeat(filled), ".".repeat(width - filled), done, total);
        if (done >= total) {
            System.out.println();
        }
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer " + json);
        }
        return matcher.group(1);
    }
}
