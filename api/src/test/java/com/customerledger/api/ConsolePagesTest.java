package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's pages through HTTP, as a browser's session sees them: login, the rep's pages (my customers, the
 * 360 view, recording a visit, the pool, the inbox), the auditor's (timeline, verify), and what each role may not.
 */
class ConsolePagesTest extends EmbeddedLedgerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A {@code datetime-local} value, to the second (the inputs take seconds with {@code step=1}). */
    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
    }

    @Test
    void anonymousCallersAreSentToTheLoginPageInChineseOrEnglish() {
        ConsoleSession browser = new ConsoleSession(port);
        ConsoleSession.Page home = browser.get("/console");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/login");
        ConsoleSession.Page login = browser.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("客户台账", "用户名", "name=\"_csrf\"");
        assertThat(new ConsoleSession(port).inEnglish().get("/login").body()).contains("Customer Ledger", "Password");
        ConsoleSession.Page wrong = browser.login("rep-a", "not-the-password");
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void aRepRecordsAVisitFromTheCustomersPageAndSeesItOnTheTimeline() {
        registerRep("rep-a", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customerId = registered.text("customerId");
        String name = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + registered.position()).text("name");
        ConsoleSession rep = new ConsoleSession(port);
        ConsoleSession.Page landed = rep.login("rep-a", "rep-a-pass");
        assertThat(landed.location()).endsWith("/console");
        assertThat(rep.get("/console").body()).contains("我的客户", "待办");
        assertThat(rep.get("/console/my").body()).contains(name, "/console/customers/" + customerId);

        ConsoleSession.Page page = rep.get("/console/customers/" + customerId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name, "id=\"visit\"", "id=\"save-visit\"");
        String notes = "看了猪舍，母猪存栏600头 " + customerId;
        Map<String, String> visit = Map.of("visitId", "console-" + customerId, "visitedAt",
                local(Instant.now().minusSeconds(600)), "channel", "ON_SITE", "notes", notes, "intent", "MEDIUM",
                "lat", "36.88", "lon", "118.79");
        // a form without the session's CSRF token is refused and stores nothing
        int before = storedEventIds("customer:" + customerId).size();
        assertThat(rep.postRaw("/console/customers/" + customerId + "/visits", visit).status()).isEqualTo(403);
        assertThat(storedEventIds("customer:" + customerId)).hasSize(before);

        ConsoleSession.Page saved = rep.post("/console/customers/" + customerId + "/visits", visit);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("/console/customers/" + customerId + "?minPosition=");
        ConsoleSession.Page after = rep.get(saved.location().substring(saved.location().indexOf("/console")));
        assertThat(after.body()).contains(notes, "拜访已记录");
        assertThat(storedEventIds("customer:" + customerId)).hasSize(before + 1);
        // the same form again (the same visit id) stores nothing more
        rep.post("/console/customers/" + customerId + "/visits", visit);
        assertThat(storedEventIds("customer:" + customerId)).hasSize(before + 1);
        assertThat(api.get("rep-a", "/api/customers/" + customerId + "/visits").body().get("items").get(0)
                .get("location").get("lat").asDouble()).isEqualTo(36.88);

        // a visit in the future is the aggregate's refusal, shown on the page; nothing stored
        ConsoleSession.Page future = rep.post("/console/customers/" + customerId + "/visits", Map.of("visitedAt",
                local(Instant.now().plusSeconds(7200)), "channel", "PHONE", "notes", "x"));
        assertThat(future.status()).isEqualTo(302);
        assertThat(rep.get("/console/customers/" + customerId).body()).contains("lies in the future");
        assertThat(storedEventIds("customer:" + customerId)).hasSize(before + 1);
    }

    @Test
    void aRepCannotOpenAnotherRepsCustomerButClaimsFromThePool() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String theirs = api.post("manager", "/api/customers", newCustomer("rep-b")).text("customerId");
        Api.Response pooled = api.post("manager", "/api/customers", newCustomer(null));
        String inPool = pooled.text("customerId");
        ConsoleSession rep = new ConsoleSession(port);
        rep.login("rep-a", "rep-a-pass");
        ConsoleSession.Page forbidden = rep.get("/console/customers/" + theirs + "?minPosition=" + pooled.position());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("id=\"visit\"").contains("403");
        assertThat(rep.get("/console/customers/no-such-customer").status()).isEqualTo(404);
        assertThat(rep.get("/console/audit").status()).isEqualTo(403);

        ConsoleSession.Page poolPage = rep.get("/console/customers/" + inPool + "?minPosition=" + pooled.position());
        assertThat(poolPage.body()).contains("id=\"claim\"").doesNotContain("id=\"visit\"");
        ConsoleSession.Page claimed = rep.post("/console/customers/" + inPool + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(302);
        ConsoleSession.Page mine = rep.get(claimed.location().substring(claimed.location().indexOf("/console")));
        assertThat(mine.body()).contains("客户已归您负责", "id=\"visit\"");
        assertThat(api.get("manager", "/api/customers/" + inPool).text("ownerRepId")).isEqualTo("rep-a");
    }

    @Test
    void anAuditorReadsTheTimelineAsOfAndAsKnownAtAndSeesNoWriteButtons() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customerId = registered.text("customerId");
        awaitClockPast(Instant.now().plusSeconds(1));
        Instant between = Instant.now();
        awaitClockPast(between.plusSeconds(1));
        Api.Response moved = api.post("manager", "/api/customers/" + customerId + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "REBALANCE"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition=" + moved.position());

        ConsoleSession auditor = new ConsoleSession(port);
        auditor.login("auditor", "auditor-pass");
        assertThat(auditor.get("/console/audit?q=" + customerId).status()).isEqualTo(200);
        ConsoleSession.Page now = auditor.get("/console/audit/customers/" + customerId);
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.body()).contains("id=\"timeline\"", "rep-a", "rep-b", "REBALANCE", "manager", "CustomerTransferredEvent");
        ConsoleSession.Page earlier = auditor.get("/console/audit/customers/" + customerId + "?asOf=" + local(between));
        assertThat(earlier.body()).containsPattern("id=\"owner-at\"[\\s\\S]*?<b>rep-a</b>");
        ConsoleSession.Page knownBefore = auditor.get("/console/audit/customers/" + customerId + "?knownAt=" + local(between));
        String periodsKnownBefore = knownBefore.body().substring(knownBefore.body().indexOf("id=\"periods\""),
                knownBefore.body().indexOf("</table>"));
        assertThat(periodsKnownBefore).contains("rep-a").doesNotContain("REBALANCE", "rep-b");
        // no write buttons for an auditor, on its pages or a customer's
        assertThat(now.body()).doesNotContain("id=\"claim\"", "id=\"visit\"");
        assertThat(auditor.get("/console/customers/" + customerId).body()).doesNotContain("id=\"visit\"", "id=\"claim\"");
        assertThat(auditor.get("/console/my").status()).isEqualTo(403);

        ConsoleSession.Page verify = auditor.get("/console/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body()).contains("id=\"outcome\"", "id=\"head-hash\"");
        assertThat(auditor.get("/console/audit/customers/" + customerId + "?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void anAuditorListsAPeriodsOwnershipChangesAndDownloadsTheApisCsv() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Api.Response moved = api.post("manager", "/api/customers/" + customerId + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "DISPUTE"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        // the chain links the transfer in the background; the two downloads compare once it has
        api.await("auditor", "/api/audit/verify", answer -> answer.body().path("head").asLong() >= moved.position(),
                java.time.Duration.ofSeconds(20));

        ConsoleSession auditor = new ConsoleSession(port);
        auditor.login("auditor", "auditor-pass");
        assertThat(auditor.get("/console/audit").body()).contains("/console/audit/changes");
        java.time.LocalDate today = java.time.LocalDate.now(ZONE);
        ConsoleSession.Page changes = auditor.get("/console/audit/changes");
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.body()).contains("id=\"changes\"", customerId, "DISPUTE", "rep-b", "value=\"" + today + "\"",
                "/console/audit/changes.csv");
        assertThat(changes.body()).doesNotContain("<button type=\"submit\" id=\"transfer\"", "id=\"claim\"");

        String query = "from=" + today.minusDays(29) + "&to=" + today;
        ConsoleSession.Page csv = auditor.get("/console/audit/changes.csv?" + query);
        assertThat(csv.status()).isEqualTo(200);
        Instant from = today.minusDays(29).atStartOfDay(ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        String apiCsv = api.get("auditor", "/api/audit/transfers?format=csv&from=" + from + "&to=" + to).raw().body();
        assertThat(csv.body()).as("the console downloads what the API exports").isEqualTo(apiCsv);
        assertThat(csv.body()).startsWith("\uFEFFposition,eventId,customerId").contains(customerId + ",rep-a,rep-b,DISPUTE");

        ConsoleSession.Page ofRep = auditor.get("/console/audit/changes?repId=rep-b");
        assertThat(ofRep.body()).contains(customerId);
        ConsoleSession.Page empty = auditor.get("/console/audit/changes?from=2020-01-01&to=2020-01-31");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"none\"", "本期间没有记录任何归属变更").doesNotContain("id=\"changes\"");
        assertThat(auditor.get("/console/audit/changes?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
        assertThat(auditor.get("/console/audit/changes?from=yesterday").status()).isEqualTo(400);
        assertThat(auditor.get("/console/audit/changes.csv?to=2026-13-01").status()).isEqualTo(400);
        assertThat(auditor.get("/console/audit/changes?repId=" + "r".repeat(65)).status()).isEqualTo(400);

        ConsoleSession rep = new ConsoleSession(port);
        rep.login("rep-a", "rep-a-pass");
        assertThat(rep.get("/console/audit/changes").status()).isEqualTo(403);
        assertThat(rep.get("/console/audit/changes.csv").status()).isEqualTo(403);
    }

    @Test
    void theInboxShowsTheUsersItemsAndMarksThemDone() {
        registerRep("rep-a", 1000);
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Api.Response visit = api.post("rep-a", "/api/customers/" + customerId + "/visits", Map.of("visitId", "v-inbox",
                "visitedAt", Instant.now().minusSeconds(60).toString(), "channel", "ON_SITE", "notes", "要报价", "intent", "HIGH"));
        assertThat(visit.status()).isEqualTo(201);
        String itemId = "review:" + customerId + ":v-inbox";
        api.get("manager", "/api/inbox?minPosition=" + visit.position());
        ConsoleSession manager = new ConsoleSession(port);
        manager.login("manager", "manager-pass");
        ConsoleSession.Page inbox = manager.get("/console/inbox");
        assertThat(inbox.body()).contains("待复核", "/console/inbox/" + itemId + "/done");
        ConsoleSession.Page done = manager.post("/console/inbox/" + itemId + "/done", Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(manager.get(done.location().substring(done.location().indexOf("/console"))).body())
                .doesNotContain("/console/inbox/" + itemId + "/done");
        assertThat(manager.post("/console/inbox/no-such-item/done", Map.of()).status()).isEqualTo(404);
    }
}
