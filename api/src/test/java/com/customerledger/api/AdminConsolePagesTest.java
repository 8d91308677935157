package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin's console pages through HTTP, as a browser's session sees them: the assignment rules edited as a form,
 * previewed (who would move, each rep's load before and after) and published only after that preview; the grading and
 * pool policies; the projections with their replay. Bad input is shown on the page and changes nothing; a manager or
 * an auditor reads the policies without forms, a rep is refused every page.
 */
class AdminConsolePagesTest extends EmbeddedLedgerTest {

    private static final Pattern PREVIEW_ID = Pattern.compile("name=\"previewId\" value=\"([^\"]+)\"");

    /** A province of this test's own, so that its rules and customers meet nobody else's. */
    private static String province() {
        return "测试省" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void registerRepIn(String repId, String province) {
        Api.Response rep = api.post("admin", "/api/reps", Map.of("repId", repId, "name", "代表" + repId,
                "regions", List.of(Map.of("province", province)), "productLines", List.of("feed"),
                "customerTypes", List.of("FARM"), "capacity", 100));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
    }

    private Api.Response registerCustomerIn(String province, String ownerRepId) {
        Map<String, Object> body = new java.util.HashMap<>(newCustomer(ownerRepId));
        body.put("region", Map.of("province", province, "city", "测试市"));
        Api.Response registered = api.post("manager", "/api/customers", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }

    /** The rules in force as the form posts them: {@code rule[i].field}, plus one more rule at the end. */
    private Map<String, String> formOfCurrentRulesAnd(Map<String, String> extra) {
        JsonNode rules = api.get("admin", "/api/policies/assignment").body().get("rules");
        Map<String, String> form = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode rule : rules) {
            String at = "rule[" + i++ + "].";
            JsonNode region = rule.path("match").path("region");
            form.put(at + "ruleId", rule.get("ruleId").asText());
            form.put(at + "province", region.path("province").asText(""));
            form.put(at + "city", region.path("city").asText(""));
            form.put(at + "county", region.path("county").asText(""));
            form.put(at + "type", rule.path("match").path("type").asText(""));
            form.put(at + "productLine", rule.path("match").path("productLine").asText(""));
            JsonNode candidates = rule.get("candidates");
            form.put(at + "candidatesMode", candidates.isTextual() ? "TERRITORY" : "LISTED");
            List<String> repIds = new ArrayList<>();
            candidates.forEach(repId -> repIds.add(repId.asText()));
            form.put(at + "candidates", candidates.isTextual() ? "" : String.join(", ", repIds));
            form.put(at + "strategy", rule.get("strategy").asText());
        }
        String at = "rule[" + i + "].";
        extra.forEach((field, value) -> form.put(at + field, value));
        return form;
    }

    private int rulesVersion() {
        return api.get("admin", "/api/policies/assignment").body().get("version").asInt();
    }

    private static String previewId(ConsoleSession.Page page) {
        Matcher id = PREVIEW_ID.matcher(page.body());
        assertThat(id.find()).as("the preview offers to publish").isTrue();
        return id.group(1);
    }

    private static String row(ConsoleSession.Page page, String id) {
        int start = page.body().indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id + " on the page").isPositive();
        return page.body().substring(start, page.body().indexOf("</tr>", start)).replaceAll("\\s+", "");
    }

    private static String follow(ConsoleSession session, ConsoleSession.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return session.get(redirect.location().substring(redirect.location().indexOf("/console"))).body();
    }

    @Test
    void anAdminEditsARulePreviewsWhoWouldMoveAndPublishesOnlyAfterThePreview() {
        String province = province();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String from = "adm-from-" + unique;
        String to = "adm-to-" + unique;
        registerRepIn(from, province);
        registerRepIn(to, province);
        List<String> customers = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < 3; i++) {
            Api.Response registered = registerCustomerIn(province, from);
            customers.add(registered.text("customerId"));
            position = registered.position();
        }
        api.get("admin", "/api/customers/" + customers.get(2) + "?minPosition=" + position);
        int version = rulesVersion();
        int policyEvents = storedEventIds("policy:assignment").size();

        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin-pass");
        ConsoleSession.Page page = admin.get("/console/admin/assignment");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("分配规则", "id=\"rules\"", "id=\"preview-button\"", "id=\"versions\"",
                "name=\"_csrf\"").doesNotContain("id=\"publish-button\"");

        String ruleId = "adm-" + unique;
        Map<String, String> form = formOfCurrentRulesAnd(Map.of("ruleId", ruleId, "province", province, "type", "FARM",
                "candidatesMode", "LISTED", "candidates", to, "strategy", "FIXED"));
        form.put("focus", to);
        ConsoleSession.Page preview = admin.post("/console/admin/assignment/preview", form);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview\"", "id=\"publish-button\"", "草稿的影响");
        // the draft moves this province's three customers from one rep to the other, and nobody else to or from them
        assertThat(row(preview, "load-" + from)).contains("<td>3</td><td>0</td><td>-3</td>");
        assertThat(row(preview, "load-" + to)).contains("<td>0</td><td>3</td><td>+3</td>");
        for (String customerId : customers) {
            assertThat(row(preview, "move-" + customerId)).contains("<td>" + from + "</td><td>" + to + "</td><td>" + ruleId + "</td>");
        }
        // a preview appends nothing
        assertThat(rulesVersion()).isEqualTo(version);
        assertThat(storedEventIds("policy:assignment")).hasSize(policyEvents);

        // publishing is refused without the session's token, and for a draft that was not the one previewed
        String previewId = previewId(preview);
        assertThat(admin.postRaw("/console/admin/assignment/publish", Map.of("previewId", previewId)).status()).isEqualTo(403);
        ConsoleSession.Page notPreviewed = admin.post("/console/admin/assignment/publish", Map.of("previewId", "made-up"));
        assertThat(notPreviewed.status()).isEqualTo(409);
        assertThat(notPreviewed.body()).contains("id=\"errors\"", "preview the rules before publishing");
        assertThat(storedEventIds("policy:assignment")).hasSize(policyEvents);

        String published = follow(admin, admin.post("/console/admin/assignment/publish", Map.of("previewId", previewId)));
        assertThat(published).contains("规则已发布为新版本", "第 " + (version + 1) + " 版", ruleId);
        assertThat(rulesVersion()).isEqualTo(version + 1);
        assertThat(storedEventIds("policy:assignment")).hasSize(policyEvents + 1);
        // the same preview does not publish twice
        assertThat(admin.post("/console/admin/assignment/publish", Map.of("previewId", previewId)).status()).isEqualTo(409);
        assertThat(rulesVersion()).isEqualTo(version + 1);
        // the published rule decides the next customer of the province
        assertThat(registerCustomerIn(province, null).text("ownerRepId")).isEqualTo(to);
    }

    @Test
    void badRulesArePointedOutOnThePageAndChangeNothing() {
        int version = rulesVersion();
        int policyEvents = storedEventIds("policy:assignment").size();
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin-pass");
        admin.get("/console/admin/assignment");
        ConsoleSession.Page bad = admin.post("/console/admin/assignment/preview", Map.of(
                "rule[0].ruleId", "bad id!", "rule[0].city", "潍坊市", "rule[0].candidatesMode", "LISTED",
                "rule[0].candidates", "", "rule[0].strategy", "SIDEWAYS",
                "rule[1].province", "a/b", "rule[1].candidatesMode", "TERRITORY", "rule[1].strategy", "FIXED"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"errors\"", "rule 1 (bad id!): the rule id must be",
                "a city or county needs its province", "list 1 to 50 rep ids", "no such value &#39;SIDEWAYS&#39;",
                "rule 2: a region name", "value=\"潍坊市\"").doesNotContain("id=\"publish-button\"");
        // a draft whose candidate is nobody: the preview runs, the publication is the ledger's refusal, shown on the page
        ConsoleSession.Page nobody = admin.post("/console/admin/assignment/preview", formOfCurrentRulesAnd(Map.of(
                "province", province(), "candidatesMode", "LISTED", "candidates", "no-such-rep", "strategy", "FIXED")));
        assertThat(nobody.status()).isEqualTo(200);
        ConsoleSession.Page refused = admin.post("/console/admin/assignment/publish", Map.of("previewId", previewId(nobody)));
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.body()).contains("id=\"errors\"", "no-such-rep");
        assertThat(rulesVersion()).isEqualTo(version);
        assertThat(storedEventIds("policy:assignment")).hasSize(policyEvents);
        // an id that is no number is a page saying so, not a failure
        assertThat(admin.get("/console/admin/assignment?minPosition=soon").status()).isEqualTo(400);
    }

    @Test
    void anAdminSetsTheGradingPoolAndServicePoliciesAndRegradesAndBadInputChangesNothing() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin-pass");
        ConsoleSession.Page page = admin.get("/console/admin/policies");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("评级门槛", "公海规则", "id=\"save-grading\"", "id=\"save-pool\"", "id=\"recompute-button\"");

        Map<String, String> grading = new LinkedHashMap<>(Map.of("S.minVolume", "2000000", "S.minMargin", "200000",
                "S.minActiveMonths", "10", "A.minVolume", "500000", "A.minMargin", "50000", "A.minActiveMonths", "6",
                "B.minVolume", "100000", "B.minMargin", "10000", "B.minActiveMonths", "3"));
        int gradingVersion = api.get("admin", "/api/policies/grading").body().get("version").asInt();
        int gradingEvents = storedEventIds("policy:grading").size();
        Map<String, String> notNumbers = new LinkedHashMap<>(grading);
        notNumbers.put("A.minVolume", "lots");
        notNumbers.put("B.minActiveMonths", "13");
        ConsoleSession.Page bad = admin.post("/console/admin/policies/grading", notNumbers);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"grading-errors\"", "A: minimum volume: &#39;lots&#39; is not an amount",
                "B: active months: from 0 to 12", "value=\"lots\"");
        Map<String, String> upsideDown = new LinkedHashMap<>(grading);
        upsideDown.put("S.minVolume", "1");
        ConsoleSession.Page refused = admin.post("/console/admin/policies/grading", upsideDown);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("each threshold of S must be at least A");
        assertThat(storedEventIds("policy:grading")).hasSize(gradingEvents);

        String saved = follow(admin, admin.post("/console/admin/policies/grading", grading));
        assertThat(saved).contains("评级门槛已保存为新版本", "value=\"2000000\"");
        assertThat(api.get("admin", "/api/policies/grading").body().get("version").asInt()).isGreaterThan(gradingVersion);
        assertThat(storedEventIds("policy:grading")).hasSize(gradingEvents + 1);
        String regraded = follow(admin, admin.post("/console/admin/policies/grading/recompute", Map.of()));
        assertThat(regraded).contains("已重新评定全部客户", "id=\"recomputed\"", "已评定客户");

        int poolEvents = storedEventIds("policy:pool").size();
        ConsoleSession.Page tooLate = admin.post("/console/admin/policies/pool", Map.of("daysWithoutVisit", "3000",
                "daysWithoutDeal", "3400", "reminderDaysBefore", "3000"));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.body()).contains("id=\"pool-errors\"", "the reminder must come before the release");
        ConsoleSession.Page words = admin.post("/console/admin/policies/pool", Map.of("daysWithoutVisit", "ninety",
                "daysWithoutDeal", "0"));
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).contains("&#39;ninety&#39; is not a whole number", "days without a deal: from 1 to 3650",
                "days of warning before: &#39;&#39; is not a whole number");
        assertThat(storedEventIds("policy:pool")).hasSize(poolEvents);
        String pool = follow(admin, admin.post("/console/admin/policies/pool", Map.of("daysWithoutVisit", "3000",
                "daysWithoutDeal", "3400", "reminderDaysBefore", "30")));
        assertThat(pool).contains("公海规则已保存为新版本", "value=\"3400\"");
        assertThat(api.get("admin", "/api/policies/pool").body().get("daysWithoutDeal").asInt()).isEqualTo(3400);
        assertThat(storedEventIds("policy:pool")).hasSize(poolEvents + 1);

        // the service desk's deadlines: long ones, so that no other test's ticket comes due while it runs
        int serviceEvents = storedEventIds("policy:service").size();
        Map<String, String> service = new LinkedHashMap<>();
        for (String severity : List.of("LOW", "NORMAL", "HIGH", "URGENT")) {
            service.put("firstResponse." + severity, "P30D");
            service.put("resolution." + severity, "P60D");
        }
        Map<String, String> blank = new LinkedHashMap<>(service);
        blank.put("resolution.HIGH", " ");
        ConsoleSession.Page missing = admin.post("/console/admin/policies/service", blank);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"service-errors\"", "resolution.HIGH: a duration such as PT4H");
        Map<String, String> malformed = new LinkedHashMap<>(service);
        malformed.put("firstResponse.LOW", "four hours");
        ConsoleSession.Page notADuration = admin.post("/console/admin/policies/service", malformed);
        assertThat(notADuration.status()).isEqualTo(400);
        assertThat(notADuration.body()).contains("is not an ISO-8601 duration", "value=\"four hours\"");
        Map<String, String> backwards = new LinkedHashMap<>(service);
        backwards.put("firstResponse.URGENT", "P90D");
        assertThat(admin.post("/console/admin/policies/service", backwards).body())
                .contains("cannot be due after its resolution");
        assertThat(storedEventIds("policy:service")).hasSize(serviceEvents);
        String deadlines = follow(admin, admin.post("/console/admin/policies/service", service));
        assertThat(deadlines).contains("服务时限已保存为新版本", "value=\"P60D\"");
        assertThat(api.get("admin", "/api/policies/service").body().get("resolution").get("URGENT").asText()).isEqualTo("P60D");
        assertThat(storedEventIds("policy:service")).hasSize(serviceEvents + 1);
    }

    @Test
    void managersAndAuditorsReadThePoliciesWithoutFormsAndRepsSeeNoAdminPage() {
        int version = rulesVersion();
        for (String reader : List.of("manager", "auditor")) {
            ConsoleSession session = new ConsoleSession(port);
            session.login(reader, reader + "-pass");
            ConsoleSession.Page rules = session.get("/console/admin/assignment");
            assertThat(rules.status()).as(reader).isEqualTo(200);
            assertThat(rules.body()).contains("id=\"rule-rows\"", "id=\"versions\"", "id=\"nav-rules\"")
                    .doesNotContain("id=\"rules\"", "id=\"preview-button\"", "id=\"nav-projections\"");
            ConsoleSession.Page policies = session.get("/console/admin/policies");
            assertThat(policies.status()).isEqualTo(200);
            assertThat(policies.body()).contains("id=\"grading\"", "id=\"pool\"", "id=\"service\"")
                    .doesNotContain("id=\"save-grading\"", "id=\"save-pool\"", "id=\"recompute-button\"", "id=\"save-service\"");
            assertThat(session.post("/console/admin/assignment/preview", Map.of("rule[0].candidatesMode", "TERRITORY",
                    "rule[0].strategy", "FIXED")).status()).isEqualTo(403);
            assertThat(session.post("/console/admin/assignment/publish", Map.of("previewId", "x")).status()).isEqualTo(403);
            assertThat(session.post("/console/admin/policies/pool", Map.of("daysWithoutVisit", "90",
                    "daysWithoutDeal", "180", "reminderDaysBefore", "7")).status()).isEqualTo(403);
            assertThat(session.post("/console/admin/policies/grading/recompute", Map.of()).status()).isEqualTo(403);
            assertThat(session.post("/console/admin/policies/service", Map.of()).status()).isEqualTo(403);
            assertThat(session.get("/console/admin/projections").status()).isEqualTo(403);
            assertThat(session.post("/console/admin/projections/funnel-view/replay", Map.of()).status()).isEqualTo(403);
            assertThat(session.get("/console/admin/projections/customer-view/parked").status()).isEqualTo(403);
        }
        ConsoleSession rep = new ConsoleSession(port);
        rep.login("rep-a", "rep-a-pass");
        assertThat(rep.get("/console").body()).doesNotContain("/console/admin/");
        for (String path : List.of("/console/admin/assignment", "/console/admin/policies", "/console/admin/projections",
                "/console/admin/projections/table", "/console/admin/projections/customer-view/parked")) {
            ConsoleSession.Page refused = rep.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("id=\"problem\"");
        }
        assertThat(rep.post("/console/admin/policies/grading", Map.of()).status()).isEqualTo(403);
        assertThat(new ConsoleSession(port).get("/console/admin/assignment").location()).endsWith("/login");
        assertThat(rulesVersion()).isEqualTo(version);
    }

    @Test
    void anAdminReplaysAProjectionAndTheTableFollowsItBackToTheHead() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin-pass");
        ConsoleSession.Page page = admin.get("/console/admin/projections");
        assertThat(page.status()).isEqualTo(200);
        for (String projection : List.of("customer-view", "rep-view", "ownership-history", "policy-view", "batch-view",
                "activity-view", "funnel-view")) {
            assertThat(page.body()).contains("id=\"projection-" + projection + "\"", "id=\"replay-" + projection + "\"");
        }
        String replayed = follow(admin, admin.post("/console/admin/projections/funnel-view/replay", Map.of()));
        assertThat(replayed).contains("重放已开始");
        // the table polls while a projection is behind and stops once every one is back at the head
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ConsoleSession.Page table = admin.get("/console/admin/projections/table");
        while (!table.body().contains("data-caught-up=\"true\"") && System.nanoTime() < deadline) {
            assertThat(table.body()).contains("hx-trigger=\"every 1s\"");
            table = admin.get("/console/admin/projections/table");
        }
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.body()).contains("id=\"all-at-head\"", "id=\"projection-funnel-view\"")
                .doesNotContain("hx-trigger", "<nav");
        assertThat(admin.post("/console/admin/projections/no-such-view/replay", Map.of()).status()).isEqualTo(404);
        assertThat(admin.postRaw("/console/admin/projections/funnel-view/replay", Map.of()).status()).isEqualTo(403);

        ConsoleSession.Page parked = admin.get("/console/admin/projections/customer-view/parked");
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.body()).contains("id=\"none-parked\"");
        ConsoleSession.Page noReason = admin.post("/console/admin/projections/customer-view/parked/some-event/skip",
                Map.of("reason", " "));
        assertThat(follow(admin, noReason)).contains("a skip needs a reason");
        assertThat(admin.post("/console/admin/projections/customer-view/parked/some-event/skip",
                Map.of("reason", "核实过")).status()).isEqualTo(404);
        assertThat(admin.get("/console/admin/projections/no-such-view/parked").status()).isEqualTo(404);
    }
}
