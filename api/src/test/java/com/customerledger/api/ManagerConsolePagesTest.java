package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manager's console pages through HTTP, as a browser's session sees them: the team's portfolios with filters,
 * the pool with assignment, a departure and a bulk transfer from their forms with the batch's progress until done,
 * the charts; what a rep, finance and an auditor may not; and bad form input, which shows the error and stores nothing.
 */
class ManagerConsolePagesTest extends EmbeddedLedgerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern BATCH = Pattern.compile("/console/team/transfers/((?:dep|bulk)-[0-9a-f-]+)");

    /** A rep no other test knows (a departure cannot be undone, so each test departs its own). */
    private String newRep(String prefix) {
        String repId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        registerRep(repId, 1000);
        return repId;
    }

    /** Registers customers owned by {@code repId}; their ids, once the reads have them. */
    private List<String> customersOf(String repId, int count) {
        List<String> ids = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < count; i++) {
            Api.Response registered = api.post("manager", "/api/customers", newCustomer(repId));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            ids.add(registered.text("customerId"));
            position = registered.position();
        }
        caughtUp(repId, position);
        return ids;
    }

    private void caughtUp(String repId, long position) {
        api.get("manager", "/api/reps/" + repId + "/portfolio?minPosition=" + position);
        api.get("manager", "/api/reps?minPosition=" + position);
        api.get("manager", "/api/pool?minPosition=" + position);
        api.get("manager", "/api/transfers?minPosition=" + position);
    }

    private static ConsoleSession as(int port, String user) {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(user, user + "-pass").location()).endsWith("/console");
        return session;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
    }

    private long batchCount() {
        return api.get("manager", "/api/transfers?size=1").body().get("total").asLong();
    }

    /** Polls the progress fragment as the page's htmx does, until the batch says it is done; the last fragment. */
    private static String awaitDone(ConsoleSession session, String location) {
        String batchId = batchIdOf(location);
        assertThat(session.get(location.substring(location.indexOf("/console"))).status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ConsoleSession.Page fragment = session.get("/console/team/transfers/" + batchId + "/progress");
            assertThat(fragment.status()).isEqualTo(200);
            if (fragment.body().contains("data-status=\"COMPLETED\"")) {
                return fragment.body();
            }
            assertThat(fragment.body()).as("a running batch's fragment polls itself")
                    .contains("hx-get=\"/console/team/transfers/" + batchId + "/progress\"", "hx-trigger=\"every 1s\"");
            assertThat(System.nanoTime()).as("batch %s done within 30 s", batchId).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    private static String batchIdOf(String location) {
        Matcher matcher = BATCH.matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return matcher.group(1);
    }

    @Test
    void aManagerSeesTheTeamsRepsWithCountsAndARepsPortfolioNarrowedByGradeTypeAndRegion() {
        String rep = newRep("team");
        List<String> customers = customersOf(rep, 2);
        Api.Response graded = api.post("manager", "/api/customers/" + customers.get(0) + "/grade",
                Map.of("grade", "A", "reason", "大客户"));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        caughtUp(rep, graded.position());
        String gradedName = api.get("manager", "/api/customers/" + customers.get(0)).text("name");
        String otherName = api.get("manager", "/api/customers/" + customers.get(1)).text("name");

        ConsoleSession manager = as(port, "manager");
        ConsoleSession.Page team = manager.get("/console/team");
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("团队客户", "id=\"team-reps\"", "/console/team?repId=" + rep, "id=\"nav-team\"");
        assertThat(team.body()).containsPattern("repId=" + rep + "[^<]*>[^<]*</a></td>\\s*<td>在岗</td>\\s*<td class=\"num\">2</td>");
        // with a filter, each rep's count is of the matching customers
        assertThat(manager.get("/console/team?grade=A").body())
                .containsPattern("repId=" + rep + "&amp;grade=A[^<]*>[^<]*</a></td>\\s*<td>在岗</td>\\s*<td class=\"num\">1</td>");

        ConsoleSession.Page book = manager.get("/console/team?repId=" + rep);
        assertThat(book.body()).contains(gradedName, otherName, "/console/customers/" + customers.get(0), "id=\"book\"");
        ConsoleSession.Page gradeA = manager.get("/console/team?repId=" + rep + "&grade=A");
        assertThat(gradeA.body()).contains(gradedName).doesNotContain(otherName);
        assertThat(manager.get("/console/team?repId=" + rep + "&type=DEALER").body())
                .contains("没有符合条件的客户").doesNotContain(gradedName, otherName);
        assertThat(manager.get("/console/team?repId=" + rep + "&type=FARM&region=" + enc("山东省/潍坊市")).body())
                .contains(gradedName, otherName);
        assertThat(manager.get("/console/team?repId=" + rep + "&region=" + enc("河南省")).body())
                .doesNotContain(gradedName, otherName);
        // the 360 page the portfolio links to opens for the manager
        assertThat(manager.get("/console/customers/" + customers.get(0)).body()).contains(gradedName);
        // in English too
        ConsoleSession english = new ConsoleSession(port).inEnglish();
        english.login("manager", "manager-pass");
        assertThat(english.get("/console/team?repId=" + rep).body()).contains("Customers of", "Last visit");

        // bad filters are a clear 400 page, never a 500
        ConsoleSession.Page badGrade = manager.get("/console/team?repId=" + rep + "&grade=Z");
        assertThat(badGrade.status()).isEqualTo(400);
        assertThat(badGrade.body()).contains("grade: one of [S, A, B, C]");
        assertThat(manager.get("/console/team?type=BARN").status()).isEqualTo(400);
        assertThat(manager.get("/console/team?region=" + enc("a|b")).status()).isEqualTo(400);
        assertThat(manager.get("/console/team?repId=" + rep + "&page=x").status()).isEqualTo(400);
        assertThat(manager.get("/console/team?repId=" + rep + "&page=-1").status()).isEqualTo(400);
        ConsoleSession.Page unknown = manager.get("/console/team?repId=no-such-rep");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body()).contains("not in your team");
    }

    @Test
    void aRepAndFinanceAreRefusedEveryManagerPageAndForm() {
        String rep = newRep("refused");
        customersOf(rep, 1);
        List<String> pages = List.of("/console/team", "/console/team?repId=" + rep, "/console/team/pool",
                "/console/team/transfers", "/console/team/charts");
        for (String user : List.of("rep-a", "finance")) {
            ConsoleSession session = as(port, user);
            assertThat(session.get("/console").body()).doesNotContain("/console/team");
            for (String page : pages) {
                ConsoleSession.Page refused = session.get(page);
                assertThat(refused.status()).as(user + " " + page).isEqualTo(403);
                assertThat(refused.body()).contains("403").doesNotContain("id=\"departure\"", "id=\"book\"");
            }
            List<String> before = storedEventIds("rep:" + rep);
            long batches = batchCount();
            assertThat(session.post("/console/team/departures", Map.of("repId", rep, "reason", "离职")).status())
                    .isEqualTo(403);
            assertThat(session.post("/console/team/transfers", Map.of("fromRepId", rep, "toRepId", "rep-a",
                    "reason", "REBALANCE")).status()).isEqualTo(403);
            assertThat(storedEventIds("rep:" + rep)).isEqualTo(before);
            assertThat(batchCount()).isEqualTo(batches);
        }
    }

    @Test
    void anAuditorReadsTheTeamPagesButSeesNoWriteButtonsAndCannotPost() {
        String rep = newRep("audited");
        customersOf(rep, 1);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(null));
        String pooled = registered.text("customerId");
        caughtUp(rep, registered.position());
        ConsoleSession auditor = as(port, "auditor");
        assertThat(auditor.get("/console").body()).contains("/console/team");
        ConsoleSession.Page team = auditor.get("/console/team?repId=" + rep);
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("id=\"book\"");
        ConsoleSession.Page transfers = auditor.get("/console/team/transfers");
        assertThat(transfers.status()).isEqualTo(200);
        assertThat(transfers.body()).doesNotContain("id=\"departure\"", "id=\"bulk\"", "id=\"start-departure\"",
                "method=\"post\" class=\"assign\"");
        ConsoleSession.Page pool = auditor.get("/console/team/pool");
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.body()).doesNotContain("/assign\"", "assign-button");
        assertThat(auditor.get("/console/team/charts").status()).isEqualTo(200);

        List<String> before = storedEventIds("rep:" + rep);
        long batches = batchCount();
        ConsoleSession.Page posted = auditor.post("/console/team/departures", Map.of("repId", rep, "reason", "离职"));
        assertThat(posted.status()).isEqualTo(403);
        assertThat(auditor.post("/console/team/pool/" + pooled + "/assign", Map.of("toRepId", rep)).status()).isEqualTo(403);
        assertThat(storedEventIds("rep:" + rep)).isEqualTo(before);
        assertThat(batchCount()).isEqualTo(batches);
        assertThat(api.get("manager", "/api/customers/" + pooled).body().get("inPool").asBoolean()).isTrue();
    }

    @Test
    void aDepartureStartedFromTheFormMovesEveryCustomerAndItsProgressBarEndsWithTheOutcome() {
        String leaving = newRep("leaving");
        String successor = newRep("successor");
        List<String> customers = customersOf(leaving, 4);
        ConsoleSession manager = as(port, "manager");
        ConsoleSession.Page form = manager.get("/console/team/transfers");
        assertThat(form.body()).contains("id=\"departure\"", "id=\"bulk\"", "value=\"" + leaving + "\"", "name=\"_csrf\"");

        Map<String, String> departure = Map.of("repId", leaving, "successorRepId", successor, "reason", "离职交接");
        // a forged form (no CSRF token) is refused and stores nothing
        assertThat(manager.postRaw("/console/team/departures", departure).status()).isEqualTo(403);
        assertThat(storedEventIds("rep:" + leaving)).hasSize(1);

        ConsoleSession.Page started = manager.post("/console/team/departures", departure);
        assertThat(started.status()).isEqualTo(302);
        String batchId = batchIdOf(started.location());
        ConsoleSession.Page page = manager.get(started.location().substring(started.location().indexOf("/console")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"progress\"", "role=\"progressbar\"", "离职交接", leaving);

        String done = awaitDone(manager, started.location());
        assertThat(done).doesNotContain("hx-get", "hx-trigger").contains("aria-valuenow=\"100\"", "已完成");
        assertThat(done).containsPattern("id=\"moved\">4<").containsPattern("id=\"failed\">0<");
        for (String customerId : customers) {
            assertThat(done).contains("/console/customers/" + customerId);
            assertThat(api.get("manager", "/api/customers/" + customerId).text("ownerRepId")).isEqualTo(successor);
        }
        assertThat(api.get("manager", "/api/reps/" + leaving).text("status")).isEqualTo("DEPARTED");
        ConsoleSession.Page list = manager.get("/console/team/transfers");
        assertThat(list.body()).contains("/console/team/transfers/" + batchId, "离职交接".substring(0, 2));
        // the whole batch page, once done, draws the outcome without polling
        assertThat(manager.get("/console/team/transfers/" + batchId).body()).contains("id=\"outcome\"").doesNotContain("hx-get");
        // a departed rep cannot depart again: the aggregate's 409, on the form page
        ConsoleSession.Page again = manager.post("/console/team/departures", departure);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("has already departed", "id=\"departure\"");
        assertThat(manager.get("/console/team/transfers/no-such-batch").status()).isEqualTo(404);
        assertThat(manager.get("/console/team/transfers/no-such-batch/progress").status()).isEqualTo(404);
    }

    @Test
    void aBulkTransferFromTheFormMovesOnlyTheMatchingCustomers() {
        String from = newRep("bulk-from");
        String to = newRep("bulk-to");
        List<String> customers = customersOf(from, 3);
        Api.Response graded = api.post("manager", "/api/customers/" + customers.get(1) + "/grade",
                Map.of("grade", "S", "reason", "核心客户"));
        caughtUp(from, graded.position());
        ConsoleSession manager = as(port, "manager");
        manager.get("/console/team/transfers");
        ConsoleSession.Page started = manager.post("/console/team/transfers", Map.of("fromRepId", from, "toRepId", to,
                "grade", "S", "reason", "REBALANCE", "note", "核心客户交给资深业务员"));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String done = awaitDone(manager, started.location());
        assertThat(done).containsPattern("id=\"moved\">1<");
        assertThat(api.get("manager", "/api/customers/" + customers.get(1)).text("ownerRepId")).isEqualTo(to);
        assertThat(api.get("manager", "/api/customers/" + customers.get(0)).text("ownerRepId")).isEqualTo(from);
        assertThat(api.get("manager", "/api/customers/" + customers.get(2)).text("ownerRepId")).isEqualTo(from);

        // by the rules (no destination) with a region filter: accepted and run as a batch too
        ConsoleSession.Page byRules = manager.post("/console/team/transfers", Map.of("fromRepId", from,
                "region", "河南省", "reason", "REBALANCE"));
        assertThat(byRules.status()).isEqualTo(302);
        assertThat(awaitDone(manager, byRules.location())).contains("aria-valuenow=\"100\"");
        assertThat(api.get("manager", "/api/customers/" + customers.get(0)).text("ownerRepId")).isEqualTo(from);
    }

    @Test
    void badFormInputShowsTheFormWithTheErrorAndStoresNothing() {
        String rep = newRep("bad-input");
        String other = newRep("bad-other");
        customersOf(rep, 1);
        ConsoleSession manager = as(port, "manager");
        manager.get("/console/team/transfers");
        List<String> before = storedEventIds("rep:" + rep);
        long batches = batchCount();

        Map<Map<String, String>, String> departures = new java.util.LinkedHashMap<>();
        departures.put(Map.of("repId", rep), "reason: 1 to 500 characters");
        departures.put(Map.of("repId", rep, "reason", "x".repeat(501)), "reason: 1 to 500 characters");
        departures.put(Map.of("reason", "离职"), "choose the departing rep");
        departures.put(Map.of("repId", "bad id!", "reason", "离职"), "not a rep id");
        departures.put(Map.of("repId", rep, "successorRepId", rep, "reason", "离职"), "cannot be their own successor");
        departures.put(Map.of("repId", rep, "successorRepId", "nobody-here", "reason", "离职"), "is not registered");
        departures.put(Map.of("repId", rep, "reason", "离职", "effectiveAt", "tomorrow"), "effective time: not a date");
        departures.put(Map.of("repId", rep, "reason", "离职", "effectiveAt", local(Instant.now().plusSeconds(86_400))),
                "ahead of time");
        departures.put(Map.of("repId", "nobody-at-all", "reason", "离职"), "nobody-at-all");
        for (Map.Entry<Map<String, String>, String> bad : departures.entrySet()) {
            ConsoleSession.Page page = manager.post("/console/team/departures", bad.getKey());
            assertThat(page.status()).as(bad.getKey().toString()).isBetween(400, 409);
            assertThat(page.body()).as(bad.getKey().toString()).contains("id=\"problem\"", bad.getValue(), "id=\"departure\"");
        }
        // the refused form keeps what was typed
        ConsoleSession.Page kept = manager.post("/console/team/departures", Map.of("repId", rep, "successorRepId", rep,
                "reason", "调岗离职"));
        assertThat(kept.body()).contains("value=\"调岗离职\"").containsPattern("value=\"" + rep + "\"\\s+selected");

        Map<Map<String, String>, String> bulks = new java.util.LinkedHashMap<>();
        bulks.put(Map.of("fromRepId", rep, "toRepId", other, "reason", "NOPE"), "reason: one of");
        bulks.put(Map.of("fromRepId", rep, "toRepId", other), "reason: one of");
        bulks.put(Map.of("fromRepId", rep, "toRepId", other, "reason", "MANUAL", "grade", "Q"), "grade: one of");
        bulks.put(Map.of("fromRepId", rep, "toRepId", other, "reason", "MANUAL", "type", "BARN"), "type: one of");
        bulks.put(Map.of("fromRepId", rep, "toRepId", other, "reason", "MANUAL", "region", "/"), "region: province");
        bulks.put(Map.of("fromRepId", rep, "toRepId", rep, "reason", "MANUAL"), "to another rep");
        bulks.put(Map.of("fromRepId", "nobody-from", "toRepId", other, "reason", "MANUAL"), "is not registered");
        bulks.put(Map.of("fromRepId", rep, "toRepId", other, "reason", "MANUAL", "note", "n".repeat(1001)), "note: at most");
        for (Map.Entry<Map<String, String>, String> bad : bulks.entrySet()) {
            ConsoleSession.Page page = manager.post("/console/team/transfers", bad.getKey());
            assertThat(page.status()).as(bad.getKey().toString()).isBetween(400, 409);
            assertThat(page.body()).as(bad.getKey().toString()).contains("id=\"problem\"", bad.getValue(), "id=\"bulk\"");
        }
        assertThat(storedEventIds("rep:" + rep)).isEqualTo(before);
        assertThat(batchCount()).isEqualTo(batches);
        assertThat(api.get("manager", "/api/reps/" + rep).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aManagerAssignsAPoolCustomerToARepAndIsToldWhenItHasLeftThePool() {
        String rep = newRep("pool-to");
        Api.Response pooled = api.post("manager", "/api/customers", newCustomer(null));
        String customerId = pooled.text("customerId");
        caughtUp(rep, pooled.position());
        String name = api.get("manager", "/api/customers/" + customerId).text("name");
        ConsoleSession manager = as(port, "manager");
        ConsoleSession.Page pool = manager.get("/console/team/pool?q=" + enc(name));
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.body()).contains(name, "/console/team/pool/" + customerId + "/assign", "value=\"" + rep + "\"",
                "id=\"pool-policy\"");
        assertThat(manager.get("/console/team/pool?type=DEALER&q=" + enc(name)).body()).doesNotContain("/console/customers/" + customerId);
        assertThat(manager.get("/console/team/pool?type=BARN").status()).isEqualTo(400);

        ConsoleSession.Page nobody = manager.post("/console/team/pool/" + customerId + "/assign", Map.of("toRepId", ""));
        assertThat(nobody.status()).isEqualTo(302);
        assertThat(manager.get("/console/team/pool").body()).contains("choose the rep");
        assertThat(manager.postRaw("/console/team/pool/" + customerId + "/assign", Map.of("toRepId", rep)).status())
                .isEqualTo(403);
        assertThat(api.get("manager", "/api/customers/" + customerId).body().get("inPool").asBoolean()).isTrue();

        ConsoleSession.Page assigned = manager.post("/console/team/pool/" + customerId + "/assign", Map.of("toRepId", rep));
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(manager.get(assigned.location().substring(assigned.location().indexOf("/console"))).body())
                .contains("客户已分配", rep);
        assertThat(api.get("manager", "/api/customers/" + customerId).text("ownerRepId")).isEqualTo(rep);
        int events = storedEventIds("customer:" + customerId).size();
        manager.post("/console/team/pool/" + customerId + "/assign", Map.of("toRepId", "rep-a"));
        assertThat(manager.get("/console/team/pool").body()).contains("is no longer in the pool");
        assertThat(storedEventIds("customer:" + customerId)).hasSize(events);
        assertThat(manager.post("/console/team/pool/no-such-customer/assign", Map.of("toRepId", rep)).status())
                .isEqualTo(404);
    }

    @Test
    void theChartsPageDrawsTheFunnelRegionsAndLeaderboardWithTheirNumbersAsTables() {
        String rep = newRep("charts");
        List<String> customers = customersOf(rep, 1);
        Api.Response opened = api.post("manager", "/api/opportunities", Map.of("customerId", customers.get(0),
                "productLine", "feed"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.get("manager", "/api/funnel?minPosition=" + opened.position());
        api.get("manager", "/api/analytics/customers-by-region?minPosition=" + opened.position());
        ConsoleSession manager = as(port, "manager");
        ConsoleSession.Page charts = manager.get("/console/team/charts");
        assertThat(charts.status()).isEqualTo(200);
        assertThat(charts.body()).contains("id=\"funnel-chart\"", "id=\"regions-chart\"", "id=\"leaderboard-chart\"",
                "id=\"funnel-table\"", "id=\"regions-table\"", "线索", "山东省").containsPattern("/webjars/chart\\.js/[^\"]*chart\\.umd\\.min\\.js");
        long leads = api.get("manager", "/api/funnel").body().get("stages").get(0).get("reached").asLong();
        assertThat(leads).isPositive();
        assertThat(charts.body()).containsPattern("<td>线索</td>\\s*<td class=\"num\">" + leads + "</td>");
        // the chart library is served from its WebJar, to anyone (as the login page's assets are)
        assertThat(new ConsoleSession(port).get("/webjars/chart.js/dist/chart.umd.min.js").status()).isEqualTo(200);
        // a rep's funnel, a period
        assertThat(manager.get("/console/team/charts?repId=" + rep + "&from=2026-01-01&to=2026-01-31").status()).isEqualTo(200);
        ConsoleSession.Page backwards = manager.get("/console/team/charts?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("comes after");
        assertThat(manager.get("/console/team/charts?from=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/console/team/charts?repId=" + enc("bad id!")).status()).isEqualTo(400);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
