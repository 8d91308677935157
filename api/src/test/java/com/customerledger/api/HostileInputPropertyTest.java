package com.customerledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLEncoder;
import java.nio.charset.Charset;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever a client sends (malformed or oddly typed JSON, control characters, invalid UTF-8, huge,
 * deep or extreme values, odd path encodings, wrong media types and credentials) the ledger answers
 * with a 2xx success or a 4xx RFC 9457 problem document ({@code application/problem+json}, a
 * {@code urn:customer-ledger:problem:} type, a {@code code}): never a 5xx, an HTML page, an empty error
 * or Spring's {@code {"timestamp":…}} JSON. (a) that shape, for every answer; (b) a refused request
 * appends nothing to the event store; (c) nothing accepted breaks a projection: after each property no
 * projection is in error or has parked an event, all have reached the head, and reads with
 * {@code ?minPosition=} of the last accepted write answer 200.
 *
 * <p>The ledger runs on a data directory of its own, so that an accepted input that broke a projection
 * would not break the other tests' shared ledger. Requests go over a raw socket ({@link Raw}), so the
 * bytes on the wire are exactly the generated ones. Each property records every violation and reports
 * all of them at its end, grouped by kind with reproductions (also in {@code target/hostile-input/}),
 * instead of stopping at the first. The seed is fixed: a run repeats exactly. The random properties try
 * {@code jqwik.tries.default} cases each (src/test/resources/junit-platform.properties; more with
 * {@code -Djqwik.tries.default=5000}); the typed ones try every combination of member and extreme value once.
 */
class HostileInputPropertyTest {

    static final String SEED = "20261201";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin";
    private static final String OWNER = "rep-a";
    private static final String EDITOR = "rep-b";
    private static final String CLAIMER = "r01";
    private static final String VIEWER = "r02";
    /** Ownership writes (transfer, release, claim, roles) aim at this customer, so its owner may change. */
    private static final String CUSTOMER = "hx-customer";
    /** Profile, visit, deal and grade writes aim at this one, which stays with its owner. */
    private static final String VISITED = "hx-visited";
    private static final String TERRITORY_REP = "hx-territory";
    private static final String EMPTY_REP = "hx-empty";
    /** The ticket the ticket steps aim at, assigned to agro-a (who answers and resolves it) in the fixture. */
    private static final String TICKET = "hx-ticket";
    /** The catalogue product pricing rules and orders name. */
    private static final String PRODUCT = "hx-product";
    /** Placeholders made real per case: a departure and closing an opportunity are for good, so each case gets its own. */
    private static final String LEAVER = "@leaver@";
    private static final String OPPORTUNITY = "@opportunity@";
    /** Stands for the fixture's batch id; the ledger makes the id. */
    private static final String BATCH = "@batch@";
    /** Stands for a time after the fixture customers were registered: a deal closed earlier is refused (409). */
    private static final String SETTLED = "@settled@";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String PAST = START.minus(Duration.ofDays(1)).toString();
    private static final String FUTURE = START.plus(Duration.ofDays(7)).toString();
    private static final String FROM = START.minus(Duration.ofDays(30)).toString();
    private static final String TO = START.plus(Duration.ofDays(1)).toString();
    private static final List<String> JSON_HEADERS = List.of("Content-Type: application/json", "Accept: application/json");

    private static ConfigurableApplicationContext ledger;
    private static int port;
    private static JdbcTemplate store;
    private static String batchId;
    private static String settled;
    /** The rep to depart and the opportunity to close of the coming cases, by placeholder. */
    private static final Map<String, String> freshTargets = new HashMap<>();
    private static int freshTargetsMade;
    private static final List<Endpoint> ENDPOINTS = endpoints();

    // the property being run (jqwik runs the properties of a class one after another)
    private static Findings findings;
    private static long head;
    private static final List<Accepted> accepted = new ArrayList<>();

    /** A write that was accepted and the event positions it stored: after {@code from}, up to {@code to}. */
    private record Accepted(Case hostile, long from, long to) {
    }

    @BeforeContainer
    static void startLedger() {
        Path dataDir = TestData.newDirectory("ledger-hostile-");
        // as command-line arguments, which take precedence over application.yml
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dataDir,
                "--ledger.batches.idle-poll=20ms"));
        EmbeddedLedgerTest.testUsers((name, value) -> arguments.add("--" + name + "=" + value.get()));
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        store = ledger.getBean(JdbcTemplate.class);
        System.out.println("HostileInputPropertyTest: seed " + SEED + ", data in " + dataDir);
        fixture();
    }

    @AfterContainer
    static void stopLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @BeforeProperty
    void beginProperty() {
        findings = new Findings();
        accepted.clear();
        head = headPosition();
    }

    /** (c) for the whole property, then every violation of (a), (b) and (c) found in it, or none. */
    @AfterProperty
    void endProperty() {
        projectionsCaughtUpWithNothingParked();
        if (!accepted.isEmpty()) {
            long last = accepted.get(accepted.size() - 1).to();
            for (String read : readsAfterWrites()) {
                String target = read + (read.contains("?") ? "&" : "?") + "minPosition=" + last;
                Api.Response answer = send(new Case(null, null, "GET", target, ADMIN, List.of(), null));
                if (answer.status() != 200) {
                    findings.add("(c) a read of the last accepted write fails", read, "GET " + target, answer, null);
                }
            }
        }
        findings.report();
    }

    // ---------------------------------------------------------------- properties

    /** A property over random cases: {@code jqwik.tries.default} of them from the fixed seed, each independent (no shrinking). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Property(seed = SEED, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    @interface RandomCases {
    }

    @RandomCases
    void malformedBodiesOfEveryWriteAreRefusedWithProblems(@ForAll("bodyCases") Case hostile) {
        check("bodies", hostile);
    }

    @RandomCases
    void hostileQueryParametersOfEveryReadAreRefusedWithProblems(@ForAll("parameterCases") Case hostile) {
        check("query parameters", hostile);
    }

    @RandomCases
    void oddPathsMethodsAndEncodingsAreRefusedWithProblems(@ForAll("pathCases") Case hostile) {
        check("paths", hostile);
    }

    @RandomCases
    void wrongMediaTypesAndCredentialsAreRefusedWithProblems(@ForAll("mediaCases") Case hostile) {
        check("media types", hostile);
    }

    /**
     * Every scalar member of every write body, one at a time, gets every extreme value of its type
     * ({@link #EXTREMES}). Exhaustive: each combination once, none left to chance.
     */
    @Property(tries = 5000, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
    void extremeValuesOfEveryTypedMemberAreRefusedOrHarmless(@ForAll("typedMemberCases") Case hostile) {
        check("typed members", hostile);
    }

    /** The same for every query parameter of every read, by the parameter's type; exhaustive too. */
    @Property(tries = 5000, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
    void extremeValuesOfEveryTypedParameterAreRefusedOrHarmless(@ForAll("typedParameterCases") Case hostile) {
        check("typed parameters", hostile);
    }

    // ---------------------------------------------------------------- (a), (b) and (c)

    /** Sends one case; checks (a) its answer's shape and (b) that it appended nothing unless it was an accepted write. */
    private static void check(String property, Case hostile) {
        findings.property = property;
        findings.tries++;
        hostile = withFreshTargets(hostile);
        Api.Response answer = send(hostile);
        String fault = shapeFault(answer);
        if (fault != null) {
            findings.add("(a) " + fault + " — " + hostile.mutation().kind(), hostile.label(), hostile.describe(), answer, null);
        }
        boolean success = answer.status() >= 200 && answer.status() < 300;
        if (success) {
            freshTargets.values().removeIf(hostile.target()::contains);
        }
        if (success && answer.status() == 202 && answer.text("batchId") != null) {
            awaitBatch(answer.text("batchId"));
        }
        long now = headPosition();
        if (now != head && !(success && hostile.isWrite())) {
            findings.add("(b) " + (success ? "a read" : "a refused request (" + answer.status() + ")") + " appended "
                    + eventTypesAfter(head).size() + " event(s): " + hostile.label(), hostile.mutation().kind(), hostile.describe(), answer,
                    "appended: " + eventTypesAfter(head));
        }
        if (success && now > head) {
            accepted.add(new Accepted(hostile, head, now));
        }
        head = now;
        findings.count(answer.status(), success && hostile.isWrite());
        Statistics.label("answer").collect(answer.status() < 0 ? "no answer" : (answer.status() / 100) + "xx");
    }

    private static Api.Response send(Case hostile) {
        return Raw.send(port, hostile.method(), hostile.target().replace(BATCH, batchId), hostile.user(), hostile.headers(),
                withSettledTime(hostile.body()));
    }

    /** Puts the fixture's settled time in place of its marker, byte for byte (Latin-1 maps every byte to itself). */
    private static byte[] withSettledTime(byte[] body) {
        if (body == null) {
            return null;
        }
        String bytes = new String(body, StandardCharsets.ISO_8859_1);
        return bytes.contains(SETTLED) ? bytes.replace(SETTLED, settled).getBytes(StandardCharsets.ISO_8859_1)
                : body;
    }

    /** What is wrong with the shape of an answer, or null when it is a success or a proper problem document. */
    private static String shapeFault(Api.Response answer) {
        int status = answer.status();
        String contentType = answer.contentType().toLowerCase(Locale.ROOT);
        if (status < 0) {
            return "no HTTP answer " + printable(answer.raw().body(), 40);
        }
        if (status < 300) {
            return contentType.startsWith("text/html") ? status + " answered with HTML" : null;
        }
        if (status < 400) {
            return status + " redirect or informational, not an answer";
        }
        if (!contentType.startsWith("application/problem+json")) {
            String body = answer.raw().body().strip();
            return status + " is not a problem document: " + (body.isEmpty() ? "empty body" : body.startsWith("<") ? "HTML"
                    : answer.body().has("timestamp") ? "Spring's {\"timestamp\"…} JSON" : "a body") + ", Content-Type '"
                    + contentType + "'";
        }
        if (status >= 500) {
            return status + " (5xx) " + answer.text("type");
        }
        if (!String.valueOf(answer.text("type")).startsWith("urn:customer-ledger:problem:")) {
            return status + " problem type is " + answer.text("type") + ", not urn:customer-ledger:problem:…";
        }
        if (answer.text("code") == null || answer.text("code").isBlank()) {
            return status + " problem " + answer.text("type") + " has no code";
        }
        return answer.body().path("status").asInt() == status ? null : status + " problem says status " + answer.body().path("status");
    }

    /** The event store's head position: whatever appends an event, synchronously or in the background, moves it. */
    private static long headPosition() {
        return store.queryForObject("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry", Long.class);
    }

    private static List<String> eventTypesAfter(long position) {
        return store.queryForList("SELECT payloadType FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex",
                String.class, position).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** A departure or bulk transfer moves customers after its 202: its events are its own, not the next case's. */
    private static void awaitBatch(String id) {
        Api.Response done = new Api(port).await(ADMIN, "/api/transfers/" + id, r -> "COMPLETED".equals(r.text("status")),
                Duration.ofSeconds(20));
        if (!"COMPLETED".equals(done.text("status"))) {
            findings.add("(c) an accepted batch does not complete", id, "GET /api/transfers/" + id, done, null);
        }
    }

    /**
     * (c) for a property: every projection reaches the head within 30 s, none is in error, and none
     * has parked an event; a parked event is traced to the accepted write that stored it.
     */
    private static void projectionsCaughtUpWithNothingParked() {
        long target = headPosition();
        Api.Response statuses = new Api(port).await(ADMIN, "/api/admin/projections", r -> {
            for (JsonNode status : r.body()) {
                if (status.path("position").asLong(-1) < target && status.path("parked").asLong() == 0) {
                    return false;
                }
            }
            return r.status() == 200;
        }, Duration.ofSeconds(30));
        for (JsonNode status : statuses.body()) {
            String name = status.path("name").asText();
            if (status.path("error").asBoolean()) {
                findings.add("(c) projection " + name + " is in error", name, "GET /api/admin/projections", statuses,
                        status.path("failure").toString());
            }
            if (status.path("parked").asLong() > 0) {
                for (JsonNode parked : new Api(port).get(ADMIN, "/api/admin/projections/" + name + "/parked").body()) {
                    long position = store.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                            Long.class, parked.path("eventId").asText());
                    String culprit = accepted.stream().filter(write -> write.from() < position && position <= write.to())
                            .map(write -> write.hostile().describe()).findFirst().orElse("no accepted write of this property");
                    findings.add("(c) an accepted write makes projection " + name + " park its event", parked.path("type").asText(),
                            culprit, null, "parked: " + parked);
                }
            } else if (status.path("position").asLong(-1) < target) {
                findings.add("(c) projection " + name + " stuck behind the head", name, "GET /api/admin/projections", null,
                        status.toString());
            }
        }
    }

    private static List<String> readsAfterWrites() {
        return List.of("/api/customers/" + VISITED, "/api/customers/" + VISITED + "/visits",
                "/api/customers/" + VISITED + "/ownership", "/api/customers/" + CUSTOMER, "/api/customers?q=hx",
                "/api/reps", "/api/reps/" + OWNER + "/portfolio", "/api/pool", "/api/transfers/" + BATCH,
                "/api/funnel?from=" + FROM + "&to=" + TO, "/api/analytics/leaderboard?from=" + FROM + "&to=" + TO,
                "/api/analytics/customers-by-region", "/api/analytics/grades", "/api/analytics/receivables", "/api/policies/assignment",
                "/api/policies/grading", "/api/policies/pool", "/api/tickets/" + TICKET, "/api/tickets?customerId=" + VISITED,
                "/api/experts", "/api/articles", "/api/policies/service", "/api/policies/reminders", "/api/inbox");
    }

    /**
     * The case with its placeholder made real: a rep to depart, an opportunity to move or close. One is
     * made anew after a case that used the last one was accepted, since it may have been used up.
     */
    private static Case withFreshTargets(Case hostile) {
        String target = hostile.target();
        String placeholder = target.contains(LEAVER) ? LEAVER : target.contains(OPPORTUNITY) ? OPPORTUNITY : null;
        if (placeholder == null) {
            return hostile;
        }
        String id = freshTargets.computeIfAbsent(placeholder, HostileInputPropertyTest::freshTarget);
        return new Case(hostile.endpoint(), hostile.mutation(), hostile.method(), target.replace(placeholder, id), hostile.user(),
                hostile.headers(), hostile.body());
    }

    private static String freshTarget(String placeholder) {
        String id = "hx-fresh-" + ++freshTargetsMade;
        Api api = new Api(port);
        Api.Response made = placeholder.equals(LEAVER)
                ? api.post(ADMIN, "/api/reps", Map.of("repId", id, "name", "代表", "regions", List.of(Map.of("province", "山东省")),
                        "capacity", 10))
                : api.post(ADMIN, "/api/opportunities", Map.of("opportunityId", id, "customerId", VISITED, "productLine", "feed"));
        if (made.status() != 201) {
            throw new IllegalStateException("could not make a fresh target: " + made);
        }
        head = headPosition();
        return id;
    }

    // ---------------------------------------------------------------- the endpoints and their valid requests

    enum Kind { READ, WRITE }

    /**
     * An endpoint with a valid request to start from: path segments in braces are its variables (with a
     * valid value), {@code params} valid query parameters, {@code body} a valid JSON body.
     */
    record Endpoint(String method, String template, String user, Kind kind, String body, Map<String, String> params) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

        String label() {
            return method + " " + path();
        }

        String path() {
            return template.replaceAll("[{}]", "");
        }

        List<String> variables() {
            return VARIABLE.matcher(template).results().map(match -> match.group(1)).toList();
        }

        /** The path with its {@code index}th variable replaced by {@code segment}, sent as it is. */
        String pathWith(int index, String segment) {
            int[] at = {0};
            return VARIABLE.matcher(template).replaceAll(match -> Matcher.quoteReplacement(at[0]++ == index ? segment : match.group(1)));
        }

        /** The valid target with the parameters as sent (already encoded); {@code extra} appended as it is. */
        String target(Map<String, String> sent, String extra) {
            StringBuilder query = new StringBuilder();
            sent.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
            return path() + query + (extra.isEmpty() ? "" : (query.isEmpty() ? "?" : "&") + extra);
        }

        /** The valid parameters, encoded, with {@code name} sent as {@code value} (or left out when it is null). */
        Map<String, String> paramsWith(String name, String value) {
            Map<String, String> sent = new LinkedHashMap<>();
            params.forEach((n, v) -> sent.put(n, encode(v)));
            if (name != null) {
                sent.remove(name);
                if (value != null) {
                    sent.put(name, value);
                }
            }
            return sent;
        }

        String validTarget() {
            return target(paramsWith(null, null), "");
        }

        List<String> headers() {
            return body == null ? List.of("Accept: application/json") : JSON_HEADERS;
        }
    }

    private static Endpoint write(String method, String template, String user, String body) {
        return new Endpoint(method, template, user, Kind.WRITE, body, Map.of());
    }

    private static Endpoint read(String template, String user, String... params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            values.put(params[i], params[i + 1]);
        }
        return new Endpoint("GET", template, user, Kind.READ, null, values);
    }

    private static List<Endpoint> endpoints() {
        String rules = "{\"rules\":[{\"ruleId\":\"hx-rule\",\"match\":{\"region\":{\"province\":\"山东省\",\"city\":\"潍坊市\","
                + "\"county\":null},\"type\":\"FARM\",\"productLine\":\"feed\"},\"candidates\":[\"" + OWNER + "\"],"
                + "\"strategy\":\"FIXED\"}]}";
        List<Endpoint> all = new ArrayList<>(List.of(
                write("POST", "/api/reps", ADMIN, "{\"repId\":\"hx-new-rep\",\"name\":\"代表甲\",\"regions\":[{\"province\":"
                        + "\"山东省\",\"city\":\"潍坊市\",\"county\":\"寿光市\"}],\"productLines\":[\"feed\"],\"customerTypes\":"
                        + "[\"FARM\"],\"capacity\":100,\"managerRepId\":null}"),
                write("PUT", "/api/reps/{" + TERRITORY_REP + "}/territory", ADMIN, "{\"regions\":[{\"province\":\"山东省\"}],"
                        + "\"productLines\":[\"feed\"],\"customerTypes\":[\"FARM\",\"RANCH\"],\"capacity\":50}"),
                write("PUT", "/api/reps/{" + TERRITORY_REP + "}/status", ADMIN, "{\"status\":\"ON_LEAVE\",\"reason\":\"休假\"}"),
                write("POST", "/api/reps/{" + LEAVER + "}/departure", ADMIN, "{\"successorRepId\":\"" + EDITOR + "\","
                        + "\"effectiveAt\":\"" + PAST + "\",\"reason\":\"离职\"}"),
                write("POST", "/api/customers", ADMIN, "{\"customerId\":null,\"name\":\"寿光市绿源养殖有限公司\",\"type\":\"FARM\","
                        + "\"region\":{\"province\":\"山东省\",\"city\":\"潍坊市\",\"county\":\"寿光市\"},\"address\":\"文圣街1号\","
                        + "\"creditCode\":\"91370783MA3C5BXX0X\",\"phone\":\"13805361234\",\"contacts\":[{\"name\":\"王经理\","
                        + "\"title\":\"场长\",\"phone\":\"13900000000\",\"birthday\":\"08-15\",\"lunar\":true}],\"scale\":{\"value\":5000,\"unit\":\"HEAD\"},"
                        + "\"species\":[\"pig\"],\"crops\":[\"corn\"],\"productLines\":[\"feed\"],\"source\":\"展会\","
                        + "\"ownerRepId\":\"" + OWNER + "\"}"),
                write("PATCH", "/api/customers/{" + VISITED + "}", ADMIN, "{\"address\":\"寿光市文圣街2号\",\"phone\":\"13805369999\","
                        + "\"scale\":{\"value\":6000,\"unit\":\"HEAD\"}}"),
                write("POST", "/api/customers/{" + CUSTOMER + "}/claim", CLAIMER, null),
                write("POST", "/api/customers/{" + CUSTOMER + "}/transfer", ADMIN, "{\"toRepId\":\"" + EDITOR + "\",\"reason\":"
                        + "\"MANUAL\",\"effectiveAt\":null,\"expectedOwnerRepId\":\"" + OWNER + "\",\"note\":\"区域调整\"}"),
                write("POST", "/api/customers/{" + CUSTOMER + "}/release", ADMIN, "{\"reason\":\"客户停业\"}"),
                write("POST", "/api/customers/{" + CUSTOMER + "}/collaborators", ADMIN, "{\"repId\":\"" + CLAIMER + "\","
                        + "\"role\":\"VIEWER\"}"),
                write("DELETE", "/api/customers/{" + CUSTOMER + "}/collaborators/{" + VIEWER + "}", ADMIN, null),
                write("POST", "/api/customers/{" + VISITED + "}/grade", ADMIN, "{\"grade\":\"A\",\"reason\":\"年度大客户\"}"),
                write("POST", "/api/customers/{" + CUSTOMER + "}/ownership/reversals", ADMIN, "{\"eventId\":"
                        + "\"00000000-0000-0000-0000-000000000000\",\"reason\":\"转错了\"}"),
                write("POST", "/api/customers/{" + VISITED + "}/visits", OWNER, "{\"visitId\":null,\"visitedAt\":\"" + PAST + "\","
                        + "\"channel\":\"ON_SITE\",\"notes\":\"看了猪舍\",\"outcome\":\"要报价\",\"nextFollowUpAt\":\"" + FUTURE + "\","
                        + "\"location\":{\"lat\":36.88,\"lon\":118.73},\"intent\":\"HIGH\",\"sampleRequest\":{\"productId\":\""
                        + PRODUCT + "\",\"quantity\":2}}"),
                write("POST", "/api/customers/{" + VISITED + "}/deals", ADMIN, "{\"dealId\":null,\"productLine\":\"feed\","
                        + "\"amount\":1200.00,\"margin\":150.00,\"closedAt\":\"" + SETTLED + "\"}"),
                write("POST", "/api/transfers", ADMIN, "{\"fromRepId\":\"" + EMPTY_REP + "\",\"toRepId\":\"" + EDITOR + "\","
                        + "\"byRules\":null,\"filter\":{\"type\":\"FARM\",\"region\":{\"province\":\"山东省\"},\"grade\":\"A\"},"
                        + "\"reason\":\"REBALANCE\",\"effectiveAt\":\"" + PAST + "\",\"note\":\"调整\"}"),
                write("POST", "/api/opportunities", ADMIN, "{\"opportunityId\":null,\"customerId\":\"" + VISITED + "\","
                        + "\"productLine\":\"feed\",\"expectedValue\":20000}"),
                write("POST", "/api/opportunities/{" + OPPORTUNITY + "}/stage", ADMIN, "{\"stage\":\"VISITED\",\"note\":\"寄样\"}"),
                write("POST", "/api/opportunities/{" + OPPORTUNITY + "}/won", ADMIN, "{\"amount\":18500}"),
                write("POST", "/api/opportunities/{" + OPPORTUNITY + "}/lost", ADMIN, "{\"reason\":\"价格太高\"}"),
                write("PUT", "/api/policies/assignment", ADMIN, rules),
                new Endpoint("POST", "/api/policies/assignment/preview", ADMIN, Kind.READ, rules, Map.of("limit", "10")),
                write("PUT", "/api/policies/grading", ADMIN, "{\"S\":{\"minVolume\":1000000,\"minMargin\":100000,"
                        + "\"minActiveMonths\":6},\"A\":{\"minVolume\":500000,\"minMargin\":50000,\"minActiveMonths\":3},"
                        + "\"B\":{\"minVolume\":100000,\"minMargin\":10000,\"minActiveMonths\":1}}"),
                new Endpoint("POST", "/api/policies/grading/recompute", ADMIN, Kind.WRITE, null, Map.of("includeManual", "false")),
                write("PUT", "/api/policies/pool", ADMIN, "{\"daysWithoutVisit\":30,\"daysWithoutDeal\":90,\"reminderDaysBefore\":5}"),
                write("POST", "/api/admin/projections/{no-such-view}/replay", ADMIN, null),
                write("POST", "/api/products", ADMIN, "{\"productId\":null,\"name\":\"猪用生长料 40kg\",\"productLine\":\"feed\","
                        + "\"unit\":\"BAG\",\"listPrice\":168.00,\"unitCost\":120.50}"),
                write("PUT", "/api/targets", ADMIN, "{\"period\":\"2026-Q4\",\"repId\":\"" + OWNER + "\",\"customerId\":null,"
                        + "\"amount\":500000.00}"),
                write("PUT", "/api/policies/pricing", ADMIN, "{\"rules\":[{\"ruleId\":\"hx-feed\",\"match\":{\"productId\":\""
                        + PRODUCT + "\",\"productLine\":\"feed\",\"customerType\":\"FARM\",\"grade\":\"A\",\"region\":"
                        + "{\"province\":\"山东省\",\"city\":null,\"county\":null}},\"discountPercent\":5.5}]}"),
                write("POST", "/api/customers/{" + VISITED + "}/credit/requests", ADMIN, "{\"requestId\":null,\"limit\":50000.00,"
                        + "\"paymentTermDays\":30,\"reason\":\"春季备货\"}"),
                write("POST", "/api/orders", ADMIN, "{\"orderId\":null,\"customerId\":\"" + VISITED + "\",\"lines\":[{\"productId\":\""
                        + PRODUCT + "\",\"quantity\":2,\"unitPrice\":null}],\"note\":\"年前送\"}"),
                write("POST", "/api/customers/{" + VISITED + "}/payments", "finance", "{\"paymentId\":\"hx-pay\",\"amount\":100.00,"
                        + "\"receivedAt\":\"" + PAST + "\",\"method\":\"BANK_TRANSFER\",\"orderId\":null}"),
                read("/api/products", ADMIN, "productLine", "feed", "page", "0", "size", "10", "minPosition", "1"),
                read("/api/prices", OWNER, "customerId", VISITED, "productId", PRODUCT, "minPosition", "1"),
                read("/api/orders", ADMIN, "customerId", VISITED, "repId", OWNER, "status", "APPROVED", "from", FROM, "to", TO,
                        "page", "0", "size", "10", "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}/credit", ADMIN, "minPosition", "1"),
                read("/api/credit/requests", ADMIN, "status", "PENDING", "customerId", VISITED, "page", "0", "size", "10"),

                read("/api/customers", ADMIN, "q", "绿源", "type", "FARM", "region", "山东省/潍坊市", "grade", "A", "ownerRepId", OWNER,
                        "inPool", "false", "page", "0", "size", "10", "minPosition", "1"),
                read("/api/customers", OWNER, "q", "绿源", "inPool", "true", "page", "1", "size", "5"),
                read("/api/customers/{" + VISITED + "}", ADMIN, "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}", EDITOR, "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}/visits", ADMIN, "page", "0", "size", "20", "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}/ownership", ADMIN, "asOf", PAST, "knownAt", TO, "minPosition", "1"),
                read("/api/reps", ADMIN, "page", "0", "size", "50", "minPosition", "1"),
                read("/api/reps/{" + OWNER + "}", ADMIN, "minPosition", "1"),
                read("/api/reps/{" + OWNER + "}/portfolio", ADMIN, "type", "FARM", "region", "山东省", "grade", "A", "due", "overdue",
                        "page", "0", "size", "20", "minPosition", "1"),
                read("/api/reps/{" + OWNER + "}/portfolio", OWNER, "asOf", PAST, "knownAt", TO, "minPosition", "1"),
                read("/api/transfers/{" + BATCH + "}", ADMIN, "page", "0", "size", "20", "minPosition", "1"),
                read("/api/funnel", ADMIN, "from", FROM, "to", TO, "repId", OWNER, "region", "山东省", "productLine", "feed",
                        "minPosition", "1"),
                read("/api/funnel", OWNER, "from", FROM, "to", TO),
                read("/api/analytics/customers-by-region", ADMIN, "minPosition", "1"),
                read("/api/analytics/leaderboard", ADMIN, "from", FROM, "to", TO, "minPosition", "1"),
                write("PUT", "/api/policies/rebates", ADMIN, "{\"programs\":[{\"programId\":\"hx-q\",\"period\":\"QUARTER\","
                        + "\"productLine\":\"feed\",\"customerTypes\":[\"DEALER\"],\"basis\":\"AMOUNT\",\"tiers\":[{\"from\":1000,"
                        + "\"percent\":1.5}],\"minTargetAttainment\":0.8}]}"),
                write("POST", "/api/rebates/settlements", "finance", "{\"customerId\":\"" + VISITED + "\",\"programId\":"
                        + "\"hx-q\",\"period\":\"2026-Q3\"}"),
                read("/api/policies/rebates", ADMIN, "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}/next-purchase", ADMIN, "minPosition", "1"),
                write("POST", "/api/webhooks", ADMIN, "{\"webhookId\":\"hx-hook\",\"url\":\"http://127.0.0.1:9/hook\","
                        + "\"eventTypes\":[\"CustomerTransferredEvent\"],\"secret\":\"0123456789abcdef\"}"),
                read("/api/webhooks/{hx-hook}/deliveries", ADMIN, "status", "PENDING", "page", "0", "size", "10"),
                read("/api/inbox", OWNER, "done", "true", "kind", "REVIEW", "page", "0", "size", "10", "minPosition", "1"),
                write("POST", "/api/inbox/{hx-no-such-item}/done", OWNER, null),
                write("POST", "/api/samples/{hx-no-such-sample}/dispatch", "warehouse", "{\"note\":\"SF1\"}"),
                write("POST", "/api/experts", ADMIN, "{\"expertId\":\"hx-expert\",\"name\":\"专家\",\"regions\":[{\"province\":"
                        + "\"山东省\"}],\"crops\":[\"番茄\"],\"species\":[\"pig\"],\"kinds\":[\"AGRONOMY\"],\"capacity\":5}"),
                read("/api/experts", ADMIN, "minPosition", "1"),
                write("POST", "/api/articles", ADMIN, "{\"articleId\":\"hx-article\",\"title\":\"番茄缺镁\",\"body\":\"喷硫酸镁\","
                        + "\"crops\":[\"番茄\"],\"species\":[],\"tags\":[\"缺素\"]}"),
                read("/api/articles", ADMIN, "q", "缺镁", "crop", "番茄", "species", "pig", "page", "0", "size", "10", "minPosition", "1"),
                write("PUT", "/api/policies/service", ADMIN, "{\"firstResponse\":{\"URGENT\":\"PT4H\",\"HIGH\":\"PT8H\","
                        + "\"NORMAL\":\"P1D\",\"LOW\":\"P2D\"},\"resolution\":{\"URGENT\":\"P1D\",\"HIGH\":\"P2D\","
                        + "\"NORMAL\":\"P5D\",\"LOW\":\"P10D\"}}"),
                read("/api/policies/service", ADMIN, "minPosition", "1"),
                write("POST", "/api/tickets", ADMIN, "{\"ticketId\":\"hx-ticket-2\",\"customerId\":\"" + VISITED + "\","
                        + "\"kind\":\"AGRONOMY\",\"severity\":\"HIGH\",\"subject\":\"黄叶\",\"description\":\"番茄黄叶\","
                        + "\"crop\":\"番茄\",\"species\":\"pig\"}"),
                write("POST", "/api/tickets/{" + TICKET + "}/responses", "agro-a", "{\"note\":\"先控水\"}"),
                write("POST", "/api/tickets/{" + TICKET + "}/resolve", "agro-a", "{\"resolution\":\"补镁\",\"articleId\":\"hx-kb\"}"),
                write("POST", "/api/tickets/{" + TICKET + "}/close", ADMIN, "{\"satisfaction\":5}"),
                write("POST", "/api/tickets/{" + TICKET + "}/reopen", ADMIN, "{\"reason\":\"又黄了\"}"),
                write("POST", "/api/tickets/{" + TICKET + "}/reassign", ADMIN, "{\"expertId\":\"agro-b\"}"),
                read("/api/tickets", ADMIN, "status", "ASSIGNED", "expertId", "agro-a", "customerId", VISITED, "overdue", "true",
                        "page", "0", "size", "10", "minPosition", "1"),
                read("/api/tickets/{" + TICKET + "}", ADMIN, "minPosition", "1"),
                read("/api/analytics/sales", ADMIN, "from", FROM, "to", TO, "productLine", "feed", "minPosition", "1"),
                read("/api/forecast", ADMIN, "from", FROM, "to", TO, "repId", OWNER, "productLine", "feed", "minPosition", "1"),
                write("POST", "/api/customers/{" + VISITED + "}/sell-through", ADMIN, "{\"reportId\":\"hx-st\",\"period\":"
                        + "\"2026-11\",\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":12.5,\"amount\":4000.00}]}"),
                read("/api/customers/{" + VISITED + "}/sell-through", ADMIN, "period", "2026-11", "minPosition", "1"),
                read("/api/customers/{" + VISITED + "}/rebates", ADMIN, "period", "2026-Q4", "minPosition", "1"),
                read("/api/targets", ADMIN, "period", "2026-Q4", "repId", OWNER, "minPosition", "1"),
                read("/api/analytics/leaderboard", ADMIN, "period", "2026-11", "minPosition", "1"),
                read("/api/analytics/receivables", ADMIN, "repId", OWNER, "asOf", TO, "page", "0", "size", "10",
                        "minPosition", "1"),
                read("/api/analytics/grades", ADMIN, "by", "region", "minPosition", "1"),
                read("/api/policies/assignment", ADMIN, "minPosition", "1"),
                read("/api/policies/assignment/versions", ADMIN, "minPosition", "1"),
                read("/api/policies/grading", ADMIN, "minPosition", "1"),
                read("/api/policies/pool", ADMIN, "minPosition", "1"),
                write("PUT", "/api/policies/reminders", ADMIN, "{\"birthdayDaysBefore\":3,\"campaigns\":[{\"campaignId\":"
                        + "\"hx-bailu\",\"solarTerm\":\"白露\",\"daysBefore\":7,\"match\":{\"region\":{\"province\":"
                        + "\"山东省\"},\"crops\":[\"wheat\"],\"species\":[\"pig\"]},\"articleId\":\"hx-kb\"}]}"),
                read("/api/policies/reminders", ADMIN, "minPosition", "1"),
                read("/api/pool", ADMIN, "q", "绿源", "type", "FARM", "region", "山东省", "page", "0", "size", "10", "minPosition", "1"),
                read("/api/audit/events", ADMIN, "customerId", VISITED),
                read("/api/audit/transfers", ADMIN, "from", FROM, "to", TO, "repId", OWNER, "customerId", CUSTOMER, "format", "json"),
                read("/api/audit/transfers", "auditor", "from", FROM, "to", TO, "format", "csv"),
                read("/api/audit/verify", ADMIN),
                read("/api/admin/projections", ADMIN)));
        return List.copyOf(all);
    }

    private static void fixture() {
        Api api = new Api(port);
        for (String rep : List.of(OWNER, EDITOR, CLAIMER, VIEWER, TERRITORY_REP, EMPTY_REP)) {
            expect(api.post(ADMIN, "/api/reps", Map.of("repId", rep, "name", "代表" + rep, "regions",
                    List.of(Map.of("province", "山东省")), "productLines", List.of("feed"), "customerTypes", List.of("FARM"),
                    "capacity", 1000)));
        }
        for (String customer : List.of(CUSTOMER, VISITED)) {
            Map<String, Object> body = EmbeddedLedgerTest.newCustomer(OWNER);
            body.put("customerId", customer);
            body.put("name", "hx养殖场" + customer);
            expect(api.post("manager", "/api/customers", body));
        }
        settled = Instant.now().toString();
        expect(api.post(ADMIN, "/api/products", Map.of("productId", PRODUCT, "name", "hx生长料", "productLine", "feed", "unit", "BAG",
                "listPrice", "168.00")));
        expect(api.post(ADMIN, "/api/customers/" + CUSTOMER + "/collaborators", Map.of("repId", VIEWER, "role", "VIEWER")));
        expect(api.post(ADMIN, "/api/customers/" + VISITED + "/collaborators", Map.of("repId", EDITOR, "role", "EDITOR")));
        batchId = expect(api.post(ADMIN, "/api/transfers", Map.of("fromRepId", EMPTY_REP, "toRepId", EDITOR,
                "reason", "REBALANCE"))).text("batchId");
        Api.Response done = api.await(ADMIN, "/api/transfers/" + batchId, r -> "COMPLETED".equals(r.text("status")),
                Duration.ofSeconds(30));
        if (!"COMPLETED".equals(done.text("status"))) {
            throw new IllegalStateException("fixture batch did not complete: " + done);
        }
        for (String expert : List.of("agro-a", "agro-b")) {
            expect(api.post(ADMIN, "/api/experts", Map.of("expertId", expert, "name", expert, "regions",
                    List.of(Map.of("province", "山东省")), "capacity", 1000)));
        }
        expect(api.post(ADMIN, "/api/articles", Map.of("articleId", "hx-kb", "title", "hx文章", "body", "正文")));
        expect(api.post(ADMIN, "/api/tickets", Map.of("ticketId", TICKET, "customerId", VISITED, "kind", "AGRONOMY",
                "severity", "NORMAL", "subject", "黄叶", "description", "番茄黄叶")));
        expect(api.post(ADMIN, "/api/tickets/" + TICKET + "/reassign", Map.of("expertId", "agro-a")));
        Api.Response caughtUp = api.get(ADMIN, "/api/customers/" + VISITED + "?minPosition=" + headPosition());
        if (caughtUp.status() != 200) {
            throw new IllegalStateException("fixture not readable: " + caughtUp);
        }
    }

    private static Api.Response expect(Api.Response response) {
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException("fixture request refused: " + response);
        }
        return response;
    }


    // ---------------------------------------------------------------- cases

    /** What was done to a valid request; {@code kind} groups findings, {@code detail} says exactly what. */
    record Mutation(String kind, String detail, boolean keepsEndpoint) {
    }

    /** One request to send, byte for byte, and what it was made from. */
    record Case(Endpoint endpoint, Mutation mutation, String method, String target, String user, List<String> headers,
                byte[] body) {

        String label() {
            return endpoint == null ? printable(method + " " + target, 80) : endpoint.label();
        }

        /** A request that may store something when accepted: not a read, nor a read's endpoint under another method. */
        boolean isWrite() {
            boolean readMethod = List.of("GET", "HEAD", "OPTIONS").contains(method);
            return !readMethod && !(endpoint != null && endpoint.kind() == Kind.READ && mutation.keepsEndpoint());
        }

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(printable(target, 400))
                    .append(" as ").append(user == null ? "anonymous" : user);
            headers.forEach(header -> text.append(" | ").append(printable(header, 200)));
            if (body != null) {
                text.append(" | body (").append(body.length).append(" bytes): ")
                        .append(printable(new String(body, StandardCharsets.UTF_8), 300));
            }
            return text.append(" | ").append(mutation.kind()).append(": ").append(printable(mutation.detail(), 200)).toString();
        }
    }

    private static Case withBody(Endpoint endpoint, String kind, String detail, byte[] body) {
        return new Case(endpoint, new Mutation(kind, detail, true), endpoint.method(), endpoint.validTarget(), endpoint.user(),
                endpoint.headers(), body);
    }

    private static Case withTarget(Endpoint endpoint, String kind, String detail, String target) {
        return new Case(endpoint, new Mutation(kind, detail, true), endpoint.method(), target, endpoint.user(),
                endpoint.headers(), utf8(endpoint.body()));
    }

    private static List<Endpoint> writes() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.body() != null).toList();
    }

    // ---- extreme values, shared by bodies and query parameters

    enum Type { INSTANT, NUMBER, ENUM, TEXT }

    /** What a member or parameter holds, judged from its valid value and its name. */
    private static Type typeOf(String name, JsonNode value) {
        if (name.endsWith("At") || List.of("asOf", "from", "to").contains(name)) {
            return Type.INSTANT;
        }
        if (value.isNumber() || List.of("page", "size", "limit", "minPosition").contains(name)) {
            return Type.NUMBER;
        }
        boolean enumLike = value.isTextual() && value.asText().matches("[A-Z][A-Z_]*|overdue|region|json|csv|true|false");
        return enumLike || value.isBoolean() ? Type.ENUM : Type.TEXT;
    }

    /**
     * Extreme values of each type, as text: in a body they go as JSON strings (numbers as bare JSON
     * numbers), in a query percent-encoded. Instants cover the business range's edges (1900–2200), what
     * {@code Instant}, {@code Date} and BSON cannot hold, and what is no instant; texts the edges of
     * length and encoding ({@link #ODD_TEXTS} the merely unusual, and further numbers, are tried at random).
     */
    private static final Map<Type, List<String>> EXTREMES = Map.of(
            Type.INSTANT, List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+292278994-08-17T07:12:55.807Z",
                    "292278994-08-17T07:12:55.807Z", "-292275055-05-16T16:47:04.192Z", "2026-13-45T00:00:00Z",
                    "2026-02-30T00:00:00Z", "2026-03-01", "2026-03-01T08:00:00", "2026-03-01T08:00:00+08:00",
                    "2026-03-01T08:00:00.123456789Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                    "1900-01-01T00:00:00Z", "2200-12-31T23:59:59Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z",
                    "2026-03-01T24:00:00Z", "2026-03-01T08:00:60Z", "yesterday", "1767225600", "", "2026-03-01T08:00:00Z\u0000"),
            Type.NUMBER, List.of("0", "-1", "0.5", "1e309", "2147483648", "9223372036854775808", "-9223372036854775809",
                    "1".repeat(1_000), "NaN", "１２"),
            Type.ENUM, List.of("SPACESHIP", "farm", "FARM ", " FARM", "ＦＡＲＭ", "OVERDUE", "CSV", "TRUE", "yes", "1", "",
                    "ON_SITE\u0000"),
            Type.TEXT, List.of("", "a\u0000b", "\ud800", "记".repeat(4_001)));

    private static final List<String> ODD_TEXTS = List.of(" ", "x".repeat(65), "长".repeat(201), "\u0007\u001b[31m", "\udfff\ud800",
            "\u202e", "\ufeff", "𠜎🐖", ".*", "(a+)+$", "{\"$gt\":\"\"}", "../..",
            "${jndi:ldap://127.0.0.1/a}", "' OR 1=1 --", "<script>alert(1)</script>");

    /** JSON of another type than a member's, whatever the member is (tried at random: mostly refused alike). */
    private static final List<String> WRONG_JSON = List.of("null", "true", "1767225600", "[]", "{\"$gt\":\"\"}");

    /** A value spliced into a body as these exact bytes (which need not be valid JSON or UTF-8). */
    record Hostile(String label, byte[] bytes) {

        static Hostile json(String json) {
            return new Hostile("JSON " + printable(json, 30), utf8(json));
        }

        static Hostile string(String value) {
            return new Hostile("string " + printable(value, 30), utf8(TextNode.valueOf(value).toString()));
        }
    }

    /** Every extreme value of a member of {@code type}, as the bytes of a JSON value (numbers bare, one also quoted). */
    private static List<Hostile> extremeMembers(Type type) {
        return type == Type.NUMBER ? Stream.concat(Stream.of(Hostile.string("12")), EXTREMES.get(type).stream().map(Hostile::json))
                .toList() : EXTREMES.get(type).stream().map(Hostile::string).toList();
    }

    /** Any hostile member value: every extreme of every type, invalid JSON, huge JSON, invalid UTF-8 in a string. */
    private static final List<Hostile> ANY_MEMBER = anyMember();

    private static List<Hostile> anyMember() {
        List<Hostile> values = new ArrayList<>();
        for (Type type : Type.values()) {
            values.addAll(extremeMembers(type));
        }
        ODD_TEXTS.forEach(text -> values.add(Hostile.string(text)));
        WRONG_JSON.forEach(json -> values.add(Hostile.json(json)));
        List.of("-0", "1e-400", "-1e309", "2147483647", "-2147483649", "9223372036854775807", "1e18", "0x10", "",
                "123456789012345678901234567890.123456789")
                .forEach(number -> values.add(Hostile.json(number)));
        for (String json : List.of("Infinity", "01", "1.", ".5", "+1", "undefined", "'single'", "\"unterminated", "\"a\u0001b\"",
                "\"tab\tinside\"", "\"\\x41\"", "\"\\u00\"", "\"\\", "1 2", "1".repeat(100_000),
                "[" + "\"x\",".repeat(100_000) + "\"x\"]", "[".repeat(10_000) + "]".repeat(10_000))) {
            values.add(Hostile.json(json));
        }
        values.add(new Hostile("string of 1 MB", utf8(TextNode.valueOf("绿".repeat((1 << 20) / 3)).toString())));
        for (byte[] invalid : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE5, (byte) 0xBC}, "张三".getBytes(Charset.forName("GBK")), new byte[] {0x00, 0x01, 0x1B})) {
            values.add(new Hostile("string with invalid UTF-8 or raw control bytes " + hex(invalid),
                    concat(utf8("\"a"), invalid, utf8("b\""))));
        }
        return List.copyOf(values);
    }

    /** Small random JSON values: scalars, arrays and objects two levels deep, strings over all of Unicode. */
    private static Arbitrary<Hostile> randomJson() {
        return randomJson(2).map(json -> new Hostile("random JSON", utf8(json)));
    }

    private static Arbitrary<String> randomJson(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(20).map(text -> TextNode.valueOf(text).toString())),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.doubles().filter(Double::isFinite).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = randomJson(depth - 1);
        Arbitrary<String> member = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), inner)
                .as((name, value) -> TextNode.valueOf(name) + ":" + value);
        return Arbitraries.frequencyOf(Tuple.of(3, scalar),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(1, member.list().ofMaxSize(3).map(members -> "{" + String.join(",", members) + "}")));
    }

    // ---- (1) bodies

    /** Every member of a body, nested ones and array elements included, as a path of names and indexes. */
    private static List<List<Object>> memberPaths(JsonNode node, List<Object> at) {
        List<List<Object>> paths = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        if (node.isArray()) {
            IntStream.range(0, node.size()).forEach(keys::add);
        }
        for (Object key : keys) {
            List<Object> path = new ArrayList<>(at);
            path.add(key);
            paths.add(path);
            paths.addAll(memberPaths(key instanceof Integer index ? node.get(index) : node.get((String) key), path));
        }
        return paths;
    }

    private static JsonNode at(JsonNode tree, List<Object> path) {
        JsonNode node = tree;
        for (Object key : path) {
            node = key instanceof Integer index ? node.get(index) : node.get((String) key);
        }
        return node;
    }

    private static String pathName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        path.forEach(key -> name.append(key instanceof Integer index ? "[" + index + "]" : (name.isEmpty() ? "" : ".") + key));
        return name.toString();
    }

    private static final String MARK = "HOSTILE-7f3a9c";

    /** The body with the member at {@code path} replaced by {@code raw} (any bytes), or removed when {@code raw} is null. */
    private static byte[] spliced(String body, List<Object> path, byte[] raw) {
        JsonNode tree = parse(body);
        JsonNode parent = at(tree, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            if (raw == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, TextNode.valueOf(MARK));
            }
        } else if (raw == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, TextNode.valueOf(MARK));
        }
        String text = tree.toString();
        if (raw == null) {
            return utf8(text);
        }
        int mark = text.indexOf('"' + MARK + '"');
        return concat(utf8(text.substring(0, mark)), raw, utf8(text.substring(mark + MARK.length() + 2)));
    }

    /** The endpoint's body with one member given one of {@code values}. */
    private static Arbitrary<Case> member(Endpoint endpoint, Arbitrary<Hostile> values) {
        return Combinators.combine(Arbitraries.of(memberPaths(parse(endpoint.body()), List.of())), values).as((path, value) ->
                withBody(endpoint, "member := " + value.label(), pathName(path) + " := " + value.label(),
                        spliced(endpoint.body(), path, value.bytes())));
    }

    @Provide
    Arbitrary<Case> bodyCases() {
        Arbitrary<Hostile> anyValue = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(ANY_MEMBER)), Tuple.of(1, randomJson()));
        return Arbitraries.of(writes()).flatMap(endpoint -> {
            String body = endpoint.body();
            List<List<Object>> paths = memberPaths(parse(body), List.of());
            List<String> names = paths.stream().filter(path -> path.size() == 1).map(path -> (String) path.get(0)).toList();
            Arbitrary<Case> removed = Arbitraries.of(paths).map(path ->
                    withBody(endpoint, "member removed", pathName(path), spliced(body, path, null)));
            Arbitrary<Case> unknown = Arbitraries.of("zzz", "@class", "__proto__", "", "\\u0000", "$where", "Name", "customerid",
                    "@type").map(name -> withBody(endpoint, "unknown member", name, utf8("{\"" + name + "\":"
                    + (name.equals("@class") ? "\"java.lang.ProcessBuilder\"" : "1") + "," + body.substring(1))));
            Arbitrary<Case> duplicate = Combinators.combine(Arbitraries.of(names), anyValue).as((name, value) ->
                    withBody(endpoint, "duplicate member", name + " again := " + value.label(),
                            concat(utf8(body.substring(0, body.length() - 1) + ",\"" + name + "\":"), value.bytes(), utf8("}"))));
            Arbitrary<Case> whole = Arbitraries.of(wholeBodies(body)).map(whole1 ->
                    withBody(endpoint, "body " + whole1.label(), whole1.label(), whole1.bytes()));
            Arbitrary<Case> truncated = Arbitraries.integers().between(0, body.length() - 1).map(cut ->
                    withBody(endpoint, "body truncated", "after " + cut + " characters", utf8(body.substring(0, cut))));
            Arbitrary<Case> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(bytes ->
                    withBody(endpoint, "body of random bytes", hex(bytes), bytes));
            return Arbitraries.frequencyOf(Tuple.of(55, member(endpoint, anyValue)), Tuple.of(6, removed), Tuple.of(5, unknown),
                    Tuple.of(6, duplicate), Tuple.of(15, whole), Tuple.of(6, truncated), Tuple.of(7, randomBytes));
        });
    }

    private static List<Hostile> wholeBodies(String body) {
        String firstName = parse(body).fieldNames().next();
        List<Hostile> bodies = new ArrayList<>();
        for (String json : List.of("", " \r\n\t ", "null", "42", "\"hello\"", "true", "[]", "{}", "[" + body + "]", body + body,
                body + " x", body + "}", "/* c */" + body, body.replace('"', '\''), body.replaceAll("\"([A-Za-z]+)\":", "$1:"),
                body.substring(0, body.length() - 1) + ",}", body + "\n" + body + "\n", "name=x&type=FARM",
                "<customer><name>x</name></customer>", "[".repeat(100_000) + "]".repeat(100_000),
                "{\"" + firstName + "\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                "{" + String.join(",", IntStream.range(0, 20_000).mapToObj(i -> "\"m" + i + "\":" + i).toList()) + "}")) {
            bodies.add(Hostile.json(json));
        }
        bodies.add(new Hostile("with a byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(body))));
        bodies.add(new Hostile("in UTF-16", body.getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Hostile("in GBK", body.getBytes(Charset.forName("GBK"))));
        return bodies;
    }

    @Provide
    Arbitrary<Case> typedMemberCases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : writes()) {
            JsonNode tree = parse(endpoint.body());
            for (List<Object> path : memberPaths(tree, List.of())) {
                JsonNode value = at(tree, path);
                if (!value.isContainerNode()) {
                    String name = path.get(path.size() - 1) instanceof String member ? member : "element";
                    for (Hostile hostile : extremeMembers(typeOf(name, value))) {
                        cases.add(withBody(endpoint, "typed member := " + hostile.label(), pathName(path) + " := "
                                + hostile.label(), spliced(endpoint.body(), path, hostile.bytes())));
                    }
                }
            }
        }
        return Arbitraries.of(cases);
    }

    // ---- (2) query parameters

    /** Sent as they are: escapes that decode to NUL, invalid UTF-8 or nothing at all, and characters a query should not hold. */
    private static final List<String> RAW_QUERY_VALUES = List.of("%00", "a%00b", "%FF", "%C0%AF", "%zz", "%", "%2", "%25",
            "%u0041", "%0D%0AX-Injected:%201", "%ED%A0%80", "%C3%28", "+", "a+b", "..", "\\", "#frag", "a&b=c", "[]", " ", "a b",
            "\t", "+999999999-12-31T23:59:59Z");

    /** A query value as sent: {@code sent} is what goes on the wire (encoded, or raw on purpose). */
    record QueryValue(String label, String sent) {

        static QueryValue encoded(String value) {
            return new QueryValue("'" + printable(value, 40) + "' encoded", encode(value));
        }
    }

    private static Arbitrary<QueryValue> queryValue() {
        List<QueryValue> fixed = new ArrayList<>();
        Stream.concat(EXTREMES.values().stream().flatMap(List::stream), ODD_TEXTS.stream())
                .forEach(value -> fixed.add(QueryValue.encoded(value)));
        RAW_QUERY_VALUES.forEach(raw -> fixed.add(new QueryValue("raw '" + raw + "'", raw)));
        fixed.add(QueryValue.encoded("x".repeat(10_000)));
        Arbitrary<QueryValue> random = Arbitraries.strings().all().ofMaxLength(30).map(QueryValue::encoded);
        // CR and LF would end the request line: what followed would be no query but another request
        Arbitrary<QueryValue> randomRaw = Arbitraries.strings().ascii().excludeChars('\r', '\n').ofMaxLength(20)
                .map(value -> new QueryValue("random ASCII raw", value));
        return Arbitraries.frequencyOf(Tuple.of(75, Arbitraries.of(fixed)), Tuple.of(17, random), Tuple.of(8, randomRaw));
    }

    @Provide
    Arbitrary<Case> parameterCases() {
        List<Endpoint> withParams = ENDPOINTS.stream().filter(endpoint -> !endpoint.params().isEmpty()).toList();
        return Arbitraries.of(withParams).flatMap(endpoint -> {
            List<String> names = List.copyOf(endpoint.params().keySet());
            Arbitrary<Case> oneValue = Combinators.combine(Arbitraries.of(names), queryValue()).as((name, value) ->
                    withTarget(endpoint, "parameter := " + value.label(), name + " := " + value.label(),
                            endpoint.target(endpoint.paramsWith(name, guarded(name, value.sent())), "")));
            Arbitrary<Case> everyValue = queryValue().list().ofSize(names.size()).map(values -> {
                Map<String, String> sent = new LinkedHashMap<>();
                IntStream.range(0, names.size()).forEach(i -> sent.put(names.get(i), guarded(names.get(i), values.get(i).sent())));
                return withTarget(endpoint, "every parameter hostile", sent.toString(), endpoint.target(sent, ""));
            });
            Arbitrary<Case> repeated = Combinators.combine(Arbitraries.of(names), queryValue()).as((name, value) ->
                    withTarget(endpoint, "parameter repeated", name + " twice, then " + value.label(),
                            endpoint.target(endpoint.paramsWith(null, null), name + "=" + guarded(name, value.sent()))));
            Arbitrary<Case> shapes = Arbitraries.of(names).flatMap(name -> Arbitraries.of(
                    withTarget(endpoint, "parameter without value", name, endpoint.target(endpoint.paramsWith(name, ""), "")),
                    withTarget(endpoint, "parameter without '='", name, endpoint.target(endpoint.paramsWith(name, null), name)),
                    withTarget(endpoint, "parameter dropped", name, endpoint.target(endpoint.paramsWith(name, null), "")),
                    withTarget(endpoint, "parameter name with NUL", name, endpoint.target(endpoint.paramsWith(name, null),
                            name + "%00=1")),
                    withTarget(endpoint, "parameters of no name", name, endpoint.target(endpoint.paramsWith(null, null),
                            "%FF%00=%zz&=1&&"))));
            return Arbitraries.frequencyOf(Tuple.of(70, oneValue), Tuple.of(10, everyValue), Tuple.of(8, repeated),
                    Tuple.of(12, shapes));
        });
    }

    @Provide
    Arbitrary<Case> typedParameterCases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            endpoint.params().forEach((name, valid) -> {
                List<QueryValue> values = new ArrayList<>(EXTREMES.get(typeOf(name, TextNode.valueOf(valid))).stream()
                        .map(QueryValue::encoded).toList());
                List.of("%00", "a%00b", "%FF", "%C0%AF", "%").forEach(raw -> values.add(new QueryValue("raw '" + raw + "'", raw)));
                for (QueryValue value : values) {
                    cases.add(withTarget(endpoint, "typed parameter := " + value.label(), name + " := " + value.label(),
                            endpoint.target(endpoint.paramsWith(name, guarded(name, value.sent())), "")));
                }
            });
        }
        return Arbitraries.of(cases);
    }

    /**
     * A minPosition the server reads as a position far past the head would only make it wait its 5 s
     * and answer 503 projections-behind, as documented; such values are sent as -1 instead.
     */
    private static String guarded(String name, String sent) {
        if (!name.equals("minPosition")) {
            return sent;
        }
        try {
            String decoded = java.net.URLDecoder.decode(sent, StandardCharsets.UTF_8);
            long position = org.springframework.util.NumberUtils.parseNumber(
                    org.springframework.util.StringUtils.trimAllWhitespace(decoded), Long.class);
            return position > 1_000_000 ? "-1" : sent;
        } catch (RuntimeException notAPosition) {
            return sent;
        }
    }

    // ---- (3) paths and methods

    @Provide
    Arbitrary<Case> pathCases() {
        List<Endpoint> withVariables = ENDPOINTS.stream().filter(endpoint -> !endpoint.variables().isEmpty()).toList();
        Arbitrary<Case> segment = Arbitraries.of(withVariables).flatMap(endpoint -> Combinators.combine(
                Arbitraries.integers().between(0, endpoint.variables().size() - 1), pathSegment()).as((index, value) ->
                new Case(endpoint, new Mutation("path variable := " + value.label(), endpoint.variables().get(index) + " := "
                        + value.label(), false), endpoint.method(), endpoint.pathWith(index, value.sent()), endpoint.user(),
                        endpoint.headers(), utf8(endpoint.body()))));
        Arbitrary<Case> whole = Combinators.combine(Arbitraries.of(wholePaths()), Arbitraries.of("GET", "POST", "PUT", "DELETE"))
                .as((path, method) -> new Case(null, new Mutation("path " + printable(path, 60), method + " " + path, false), method,
                        path, ADMIN, method.equals("GET") || method.equals("DELETE") ? List.of("Accept: application/json")
                        : JSON_HEADERS, method.equals("GET") || method.equals("DELETE") ? null : utf8("{}")));
        Arbitrary<Case> method = Combinators.combine(Arbitraries.of(ENDPOINTS), Arbitraries.of("GET", "POST", "PUT", "PATCH",
                "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "M-SEARCH")).as((endpoint, verb) -> {
            boolean withBody = !verb.equals("GET") && !verb.equals("TRACE") && !verb.equalsIgnoreCase("get");
            byte[] body = withBody ? utf8(endpoint.body() == null ? "{}" : endpoint.body()) : null;
            return new Case(endpoint, new Mutation("method " + verb, verb + " " + endpoint.label(), verb.equals(endpoint.method())),
                    verb, endpoint.validTarget(), endpoint.user(), withBody ? JSON_HEADERS : List.of("Accept: application/json"),
                    body);
        });
        return Arbitraries.frequencyOf(Tuple.of(60, segment), Tuple.of(20, whole), Tuple.of(20, method));
    }

    private static Arbitrary<QueryValue> pathSegment() {
        List<QueryValue> fixed = new ArrayList<>();
        for (String raw : List.of("%00", "a%00b", "%FF", "%2F", "a%2Fb", "%5C", "%C0%AF", "..", "%2E%2E", "%2e%2e", ".", "%2E",
                "..;", ";", ";a=b", "x;jsessionid=1", "%3B", "%25", "%", "%zz", "%E5%BC%A0%E4%B8%89", "张三", "a%20b", "a%0Ab",
                "%0D%0A", "%u0041", "\\", "~", "*", "%23", "%3F", "null", "-1", "%7B%7D", "%3Cscript%3E", "a..b", "...",
                "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%EF%BF%BF", "%2E%2E%2F%2E%2E", "", "x".repeat(65), "x".repeat(5_000),
                "%2e%2e%5c", "%252e%252e", "%c0%ae%c0%ae", "a b", "a\tb", "\u00ff", "x\u0000")) {
            fixed.add(new QueryValue("'" + printable(raw, 40) + "'", raw));
        }
        Arbitrary<QueryValue> random = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30)
                .map(value -> new QueryValue("random string encoded", encode(value)));
        return Arbitraries.frequencyOf(Tuple.of(80, Arbitraries.of(fixed)), Tuple.of(20, random));
    }

    private static List<String> wholePaths() {
        return List.of("//api/customers", "/api//customers", "/api/customers/", "/api/./customers", "/api/customers/../reps",
                "/api/%2e%2e/api/reps", "/api/customers/%2e%2e/reps", "/API/customers", "/api/customers.json", "/api/nope",
                "/nope", "/", "/api", "/api/", "/error", "/api/customers/" + VISITED + "/nope", "/actuator/env",
                "/actuator/heapdump", "/actuator", "/api/customers/" + "x/".repeat(100), "/api/customers;x=1",
                "/api/customers%", "/%2e/api/reps", "/api/reps%00", "/api/reps/%00/portfolio", "*",
                "http://localhost/api/reps", "/api/reps?", "/api/reps#x", "/api/reps/%2F%2F", "/api/customers/%3Fq=x",
                "/swagger-ui/../api/reps", "/actuator/health/../../api/reps", "/v3/api-docs/..%2F..%2Fapi%2Freps",
                "/api/customers?q=" + "x".repeat(9_000));
    }

    // ---- (4) media types and credentials

    @Provide
    Arbitrary<Case> mediaCases() {
        List<String> contentTypes = List.of("", "*/*", "application/*", "text/plain", "text/plain;charset=UTF-8",
                "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "application/xml",
                "text/xml", "application/json;charset=ISO-8859-1", "application/json; charset=utf-16",
                "application/json;charset=nonsense", "application/problem+json", "application/merge-patch+json",
                "application/vnd.api+json", "application/json, text/plain", "garbage", "application/json;;", "application/",
                "/", "APPLICATION/JSON", "json", "application/json; q=0.5", "text/html", "application/octet-stream",
                "application/json\u0000", "application/json; boundary=\"", "text/csv", "image/png");
        List<String> accepts = List.of("", "*/*", "text/html", "application/xml", "text/csv", "application/problem+json",
                "image/png", "garbage", "application/json;q=0", "text/*", "application/*", "*/json", "text/html;q=1, */*;q=0",
                "application/json; charset=nonsense", "a/b/c");
        List<String> authorizations = List.of("Basic", "Basic %%%", "Basic " + base64(":"), "Basic " + base64("admin"),
                "Basic " + base64("admin:wrong"), "Basic " + base64("nobody:x"), "Bearer x", "Bearer", "Digest x",
                "Basic " + base64("admin:admin-pass") + " extra", "basic " + base64("admin:admin-pass"),
                "Basic " + "A".repeat(6_000), "Basic " + base64("admin\u0000:admin-pass"), "Basic " + base64("张三:密码"));
        Arbitrary<Case> contentType = Combinators.combine(Arbitraries.of(writes()), Arbitraries.of(contentTypes),
                Arbitraries.of(accepts)).as((endpoint, type, accept) -> {
            List<String> headers = new ArrayList<>();
            if (!type.isEmpty()) {
                headers.add("Content-Type: " + type);
            }
            if (!accept.isEmpty()) {
                headers.add("Accept: " + accept);
            }
            return new Case(endpoint, new Mutation("Content-Type " + (type.isEmpty() ? "none" : type), "Content-Type '" + type
                    + "', Accept '" + accept + "'", true), endpoint.method(), endpoint.validTarget(), endpoint.user(),
                    List.copyOf(headers), utf8(endpoint.body()));
        });
        Arbitrary<Case> accept = Combinators.combine(Arbitraries.of(ENDPOINTS), Arbitraries.of(accepts)).as((endpoint, type) -> {
            List<String> headers = new ArrayList<>(type.isEmpty() ? List.of() : List.of("Accept: " + type));
            if (endpoint.body() != null) {
                headers.add("Content-Type: application/json");
            }
            return new Case(endpoint, new Mutation("Accept " + (type.isEmpty() ? "none" : type), "Accept '" + type + "'", true),
                    endpoint.method(), endpoint.validTarget(), endpoint.user(), List.copyOf(headers), utf8(endpoint.body()));
        });
        Arbitrary<Case> credentials = Combinators.combine(Arbitraries.of(ENDPOINTS), Arbitraries.of(authorizations))
                .as((endpoint, authorization) -> {
                    List<String> headers = new ArrayList<>(endpoint.headers());
                    headers.add("Authorization: " + authorization);
                    return new Case(endpoint, new Mutation("Authorization " + printable(authorization, 30), authorization, true),
                            endpoint.method(), endpoint.validTarget(), null, List.copyOf(headers), utf8(endpoint.body()));
                });
        return Arbitraries.frequencyOf(Tuple.of(60, contentType), Tuple.of(25, accept), Tuple.of(15, credentials));
    }


    // ---------------------------------------------------------------- findings

    /** Every violation of a property, grouped by what went wrong, with the first requests that showed it; and what was tried. */
    private static final class Findings {

        private final Map<String, List<String>> examples = new TreeMap<>();
        private final Map<String, Set<String>> variants = new TreeMap<>();
        private final Map<String, Integer> counts = new TreeMap<>();
        private final Map<String, Integer> answers = new TreeMap<>();
        private final long started = System.nanoTime();
        private int acceptedWrites;
        String property = "";
        int tries;

        /** Counts every case; shows the first three that differ in {@code variant} (the endpoint, or what was sent). */
        void add(String kind, String variant, String request, Api.Response answer, String note) {
            counts.merge(kind, 1, Integer::sum);
            boolean newVariant = variants.computeIfAbsent(kind, k -> new TreeSet<>()).add(printable(variant, 70));
            List<String> shown = examples.computeIfAbsent(kind, k -> new ArrayList<>());
            if (shown.size() < 3 && newVariant) {
                shown.add(request + (answer == null ? "" : "\n        → " + answer.status() + " " + answer.contentType() + " "
                        + printable(answer.raw().body(), 300)) + (note == null ? "" : "\n        " + note));
            }
        }

        void count(int status, boolean acceptedWrite) {
            answers.merge(status < 0 ? "none" : status / 100 + "xx", 1, Integer::sum);
            acceptedWrites += acceptedWrite ? 1 : 0;
        }

        /** Prints what was tried; fails with every violation, or when the cases tested nothing (all refused, or all accepted). */
        void report() {
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            System.out.println("HostileInputPropertyTest, " + property + ": " + tries + " cases in " + seconds + " s, answers "
                    + answers + ", accepted writes " + acceptedWrites);
            if (!answers.containsKey("2xx") || !answers.containsKey("4xx")) {
                add("(setup) the cases were not both accepted and refused: " + answers, property, "", null, null);
            }
            if (examples.isEmpty()) {
                return;
            }
            StringBuilder report = new StringBuilder("HostileInputPropertyTest, " + property + ": " + counts.values().stream()
                    .mapToInt(Integer::intValue).sum() + " violations of " + examples.size() + " kinds in " + tries
                    + " cases (seed " + SEED + ")\n");
            examples.forEach((kind, shown) -> {
                Set<String> seen = variants.get(kind);
                report.append("  • ").append(kind).append(" — ").append(counts.get(kind)).append("×, ").append(seen.size())
                        .append(" variant(s)").append(seen.size() <= 12 ? " " + seen : "").append('\n');
                shown.forEach(example -> report.append("      ").append(example).append('\n'));
            });
            try {
                Path file = Path.of("target", "hostile-input", property.replace(' ', '-') + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError(report.toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(utf8(text));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 40); i++) {
            text.append(String.format("\\x%02X", bytes[i]));
        }
        return text + (bytes.length > 40 ? "…(" + bytes.length + " bytes)" : "");
    }

    /** Text safe to print: control characters and odd code points as escapes, long text cut. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF || cp == 0x202E || cp == 0xFFFD) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        int length = text.codePointCount(0, text.length());
        return length > max ? out + "…(" + length + " chars)" : out.toString();
    }
}
