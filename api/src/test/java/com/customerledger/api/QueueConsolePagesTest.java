package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's approval queues and the experts' ticket queue through HTTP, as a browser's session sees them: each
 * approver role sees the orders waiting at its step and takes it, a REP cannot, an AUDITOR reads every queue without a
 * button, finance decides credit-limit requests (never its own), an expert answers and resolves its tickets in
 * deadline order citing an article; bad input is said on the page and changes nothing.
 */
class QueueConsolePagesTest extends EmbeddedLedgerTest {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String product = "queue-feed-" + unique;
    private BigDecimal policyPrice;
    private long position;

    @BeforeEach
    void catalogue() {
        registerRep("rep-a", 1000);
        long added = api.post("manager", "/api/products", Map.of("productId", product, "name", "育肥猪料 40kg",
                "productLine", "feed", "unit", "BAG", "listPrice", "168.00")).position();
        position = added;
    }

    private String customerWithLimit(String limit) {
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String id = registered.text("customerId");
        String request = "cr-q-" + id;
        api.post("rep-a", "/api/customers/" + id + "/credit/requests", Map.of("requestId", request, "limit", limit,
                "paymentTermDays", 30, "reason", "备货"));
        position = api.post("finance", "/api/credit/requests/" + request + "/decision", Map.of("decision", "APPROVE"))
                .position();
        policyPrice = api.get("rep-a", "/api/prices?customerId=" + id + "&productId=" + product + "&minPosition=" + position)
                .body().get("policyPrice").decimalValue();
        return id;
    }

    private static ConsoleSession as(int port, String user) {
        ConsoleSession session = new ConsoleSession(port);
        // the test users' passwords: agro-b's is the extra users' one
        String password = user.equals("agro-b") ? Api.EXTRA_REP_PASSWORD : user + "-pass";
        assertThat(session.login(user, password).location()).endsWith("/console");
        return session;
    }

    /** Follows a redirect the console answered with. */
    private static ConsoleSession.Page follow(ConsoleSession session, ConsoleSession.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return session.get(redirect.location().substring(redirect.location().indexOf("/console")));
    }

    private String queue(String body, String queue) {
        int start = body.indexOf("id=\"queue-" + queue + "\"");
        assertThat(start).as("the page has the " + queue + " queue").isNotNegative();
        int end = body.indexOf("</section>", start);
        return body.substring(start, end);
    }

    @Test
    void anOrderGoesThroughEachApproversQueueAndOnlyTheRolesThatTakeAStepTakeIt() {
        String customerId = customerWithLimit("1000.00");
        String orderId = "so-q-" + unique;
        String below = policyPrice.subtract(BigDecimal.TEN).toPlainString();
        // below the policy price (PRICE, a manager), and over the 1000 yuan limit (then CREDIT, finance)
        Api.Response submitted = api.post("rep-a", "/api/orders", Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", product, "quantity", 10, "unitPrice", below))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String at = "?minPosition=" + submitted.position();
        String orderPage = "/console/approvals/orders/" + orderId;

        ConsoleSession manager = as(port, "manager");
        ConsoleSession.Page managerQueues = manager.get("/console/approvals" + at);
        assertThat(managerQueues.status()).isEqualTo(200);
        assertThat(queue(managerQueues.body(), "PRICE")).contains(orderId);
        assertThat(managerQueues.body()).doesNotContain("id=\"queue-CREDIT\"", "id=\"queue-DISPATCH\"");
        assertThat(manager.get("/console").body()).contains("/console/approvals");
        ConsoleSession.Page waiting = manager.get(orderPage);
        assertThat(waiting.body()).contains("id=\"decision\"", "id=\"approve\"", "id=\"reject\"", "价格审批",
                "name=\"_csrf\"");

        // a rep may not approve: no queue, no decision, nothing stored
        ConsoleSession rep = as(port, "rep-a");
        assertThat(rep.get("/console/approvals").status()).isEqualTo(403);
        assertThat(rep.get(orderPage).status()).isEqualTo(403);
        assertThat(rep.get("/console").body()).doesNotContain("/console/approvals");
        int events = storedEventIds("order:" + orderId).size();
        assertThat(rep.post(orderPage + "/decision", Map.of("step", "PRICE", "decision", "APPROVE")).status())
                .isEqualTo(403);
        // finance does not take the price step
        ConsoleSession finance = as(port, "finance");
        assertThat(queue(finance.get("/console/approvals" + at).body(), "CREDIT")).doesNotContain(orderId);
        assertThat(finance.get(orderPage).body()).doesNotContain("id=\"decision\"");
        assertThat(finance.post(orderPage + "/decision", Map.of("step", "PRICE", "decision", "APPROVE")).status())
                .isEqualTo(403);
        // an auditor reads every queue and the order, and has no button
        ConsoleSession auditor = as(port, "auditor");
        ConsoleSession.Page audited = auditor.get("/console/approvals" + at);
        assertThat(queue(audited.body(), "PRICE")).contains(orderId, "只读");
        assertThat(auditor.get(orderPage).body()).contains(orderId).doesNotContain("id=\"decision\"", "id=\"approve\"",
                "id=\"dispatch\"", "<button type=\"submit\" name");
        assertThat(auditor.post(orderPage + "/decision", Map.of("step", "PRICE", "decision", "APPROVE")).status())
                .isEqualTo(403);
        assertThat(storedEventIds("order:" + orderId)).hasSize(events);

        // bad input: said on the page, never a 500, nothing stored
        ConsoleSession.Page noReason = manager.post(orderPage + "/decision", Map.of("step", "PRICE", "decision", "REJECT",
                "note", "  "));
        assertThat(follow(manager, noReason).body()).contains("驳回须写明理由");
        ConsoleSession.Page tooLong = manager.post(orderPage + "/decision", Map.of("step", "PRICE", "decision", "APPROVE",
                "note", "长".repeat(501)));
        assertThat(follow(manager, tooLong).body()).contains("理由：最多 500 个字符");
        ConsoleSession.Page badStep = manager.post(orderPage + "/decision", Map.of("step", "SHIPPING", "decision", "APPROVE"));
        assertThat(badStep.status()).isEqualTo(400);
        assertThat(badStep.body()).contains("id=\"problem\"");
        assertThat(manager.post(orderPage + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(400);
        ConsoleSession.Page wrongStep = manager.post(orderPage + "/decision", Map.of("step", "CREDIT", "decision", "APPROVE"));
        assertThat(wrongStep.status()).isEqualTo(403);
        assertThat(manager.get("/console/approvals/orders/no-such-order").status()).isEqualTo(404);
        // a form without the session's CSRF token is refused
        assertThat(manager.postRaw(orderPage + "/decision", Map.of("step", "PRICE", "decision", "APPROVE")).status())
                .isEqualTo(403);
        assertThat(storedEventIds("order:" + orderId)).hasSize(events);

        ConsoleSession.Page priced = follow(manager, manager.post(orderPage + "/decision", Map.of("step", "PRICE",
                "decision", "APPROVE", "note", "老客户，开春大单")));
        assertThat(priced.body()).contains("已批准。", "id=\"waiting-at\"", "信用审批", "老客户，开春大单")
                .doesNotContain("id=\"decision\"");
        // the same step again is the aggregate's refusal, on the page
        ConsoleSession.Page again = follow(manager, manager.post(orderPage + "/decision", Map.of("step", "PRICE",
                "decision", "APPROVE")));
        assertThat(again.body()).contains("class=\"problem\"");
        int afterPrice = api.get("manager", "/api/orders/" + orderId).body().get("steps").size();

        ConsoleSession.Page creditQueue = finance.get("/console/approvals?minPosition=" + commandsHead());
        assertThat(queue(creditQueue.body(), "CREDIT")).contains(orderId);
        assertThat(finance.get(orderPage).body()).contains("id=\"approve\"", "id=\"credit\"");
        ConsoleSession.Page approved = follow(finance, finance.post(orderPage + "/decision", Map.of("step", "CREDIT",
                "decision", "APPROVE", "note", "下月回款")));
        assertThat(approved.body()).contains("已批准", "下月回款");
        assertThat(api.get("manager", "/api/orders/" + orderId).body().get("steps").size()).isGreaterThan(afterPrice);

        // the warehouse: the approved order to dispatch, without the customer's name or credit (it reads orders only)
        String name = api.get("manager", "/api/customers/" + customerId).text("name");
        ConsoleSession warehouse = as(port, "warehouse");
        ConsoleSession.Page toDispatch = warehouse.get("/console/approvals?minPosition=" + commandsHead());
        assertThat(queue(toDispatch.body(), "DISPATCH")).contains(orderId);
        assertThat(toDispatch.body()).doesNotContain("id=\"queue-PRICE\"", "id=\"queue-CREDIT_LIMIT\"");
        ConsoleSession.Page forWarehouse = warehouse.get(orderPage);
        assertThat(forWarehouse.body()).contains("id=\"dispatch\"").doesNotContain(name, "id=\"credit\"");
        ConsoleSession.Page longWaybill = warehouse.post(orderPage + "/dispatch", Map.of("waybill", "9".repeat(101)));
        assertThat(follow(warehouse, longWaybill).body()).contains("运单号：最多 100 个字符");
        ConsoleSession.Page dispatched = follow(warehouse, warehouse.post(orderPage + "/dispatch",
                Map.of("waybill", "SF" + unique)));
        assertThat(dispatched.body()).contains("已发货", "SF" + unique, "id=\"deliver\"");
        ConsoleSession.Page delivered = follow(warehouse, warehouse.post(orderPage + "/deliver", Map.of("note", "已签收")));
        assertThat(delivered.body()).contains("已确认送达").doesNotContain("id=\"deliver\"");
        JsonNode done = api.get("manager", "/api/orders/" + orderId + "?minPosition=" + commandsHead()).body();
        assertThat(done.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(done.get("waybill").asText()).isEqualTo("SF" + unique);
        assertThat(queue(warehouse.get("/console/approvals?minPosition=" + commandsHead()).body(), "DELIVER"))
                .doesNotContain(orderId);
    }

    /** The head of the event store, for a read that must see every write so far. */
    private long commandsHead() {
        Long last = eventStore.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return last == null ? 0 : last;
    }

    @Test
    void financeDecidesCreditLimitRequestsButNeverOneItAskedFor() {
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customerId = registered.text("customerId");
        String asked = "cr-qa-" + unique;
        Api.Response request = api.post("rep-a", "/api/customers/" + customerId + "/credit/requests", Map.of("requestId",
                asked, "limit", "80000.00", "paymentTermDays", 45, "reason", "扩栏，年采购量翻倍"));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        String page = "/console/approvals/credit-requests/" + asked;

        ConsoleSession finance = as(port, "finance");
        ConsoleSession.Page queues = finance.get("/console/approvals?minPosition=" + request.position());
        assertThat(queue(queues.body(), "CREDIT_LIMIT")).contains(asked, "rep-a");
        assertThat(finance.get(page).body()).contains("扩栏，年采购量翻倍", "id=\"approve\"", "id=\"reject\"");
        // a manager reads it, a rep does not, neither decides
        ConsoleSession manager = as(port, "manager");
        assertThat(manager.get(page).body()).contains(asked).doesNotContain("id=\"approve\"");
        assertThat(manager.post(page + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        ConsoleSession rep = as(port, "rep-a");
        assertThat(rep.get(page).status()).isEqualTo(403);
        assertThat(rep.post(page + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        int events = storedEventIds("credit-request:" + asked).size();
        assertThat(follow(finance, finance.post(page + "/decision", Map.of("decision", "REJECT"))).body())
                .contains("驳回须写明理由", "待审批");
        assertThat(finance.post(page + "/decision", Map.of("decision", "MAYBE")).status()).isEqualTo(400);
        assertThat(storedEventIds("credit-request:" + asked)).hasSize(events);

        ConsoleSession.Page approved = follow(finance, finance.post(page + "/decision", Map.of("decision", "APPROVE",
                "note", "回款记录良好")));
        assertThat(approved.body()).contains("额度申请已批准", "已批准", "回款记录良好", "80000.00")
                .doesNotContain("id=\"approve\"");
        assertThat(api.get("finance", "/api/customers/" + customerId + "/credit?minPosition=" + commandsHead())
                .body().get("limit").decimalValue()).isEqualByComparingTo("80000.00");

        // the admin asks; the admin's page says another must decide, and the ledger refuses it too
        String own = "cr-qo-" + unique;
        Api.Response ownRequest = api.post("admin", "/api/customers/" + customerId + "/credit/requests", Map.of("requestId",
                own, "limit", "90000.00", "paymentTermDays", 45, "reason", "再提额"));
        assertThat(ownRequest.status()).isEqualTo(201);
        ConsoleSession admin = as(port, "admin");
        ConsoleSession.Page ownPage = admin.get("/console/approvals/credit-requests/" + own + "?minPosition="
                + ownRequest.position());
        assertThat(ownPage.body()).contains("id=\"own-request\"").doesNotContain("id=\"approve\"");
        ConsoleSession.Page refused = follow(admin, admin.post("/console/approvals/credit-requests/" + own + "/decision",
                Map.of("decision", "APPROVE")));
        assertThat(refused.body()).contains("never decided by the one who asked", "待审批");
        assertThat(admin.get("/console/approvals/credit-requests/no-such-request").status()).isEqualTo(404);
    }

    private Map<String, Object> ticket(String ticketId, String customerId, String severity) {
        return new HashMap<>(Map.of("ticketId", ticketId, "customerId", customerId, "kind", "AGRONOMY", "severity", severity,
                "subject", "番茄叶片发黄 " + ticketId, "description", "下部叶片叶脉间发黄，已三天", "crop", "番茄"));
    }

    @Test
    void anExpertAnswersAndResolvesItsTicketsInDeadlineOrderCitingAnArticle() {
        for (String expert : List.of("agro-a", "agro-b")) {
            assertThat(api.post("admin", "/api/experts", TicketApiTest.userExpert(expert)).status()).isEqualTo(201);
        }
        assertThat(api.put("admin", "/api/policies/service", TicketApiTest.LONG_POLICY).status()).isEqualTo(200);
        Map<String, Object> body = newCustomer("rep-a");
        body.put("region", Map.of("province", "工单省", "city", "一市", "county", "一县"));
        String customerId = api.post("manager", "/api/customers", body).text("customerId");
        String normal = "t-qn-" + unique;
        String urgent = "t-qu-" + unique;
        Api.Response first = api.post("rep-a", "/api/tickets", ticket(normal, customerId, "NORMAL"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("assignedExpertId")).isEqualTo("agro-a");
        Api.Response second = api.post("rep-a", "/api/tickets", ticket(urgent, customerId, "URGENT"));
        assertThat(second.text("assignedExpertId")).isEqualTo("agro-a");
        String article = "kb-q-" + unique;
        Api.Response published = api.post("agro-a", "/api/articles", Map.of("articleId", article, "title",
                "番茄缺镁 " + unique, "body", "叶面喷施0.2%硫酸镁，一周两次", "crops", List.of("番茄"), "species", List.of(),
                "tags", List.of("缺素")));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);

        ConsoleSession expert = as(port, "agro-a");
        assertThat(expert.get("/console").body()).contains("/console/tickets").doesNotContain("/console/approvals");
        ConsoleSession.Page queue = expert.get("/console/tickets?minPosition=" + published.position());
        assertThat(queue.status()).isEqualTo(200);
        String list = queue.body();
        // the urgent one answers within 4 hours, the normal one within a day: the urgent one first, times in the zone
        assertThat(list.indexOf(urgent)).isNotNegative().isLessThan(list.indexOf(normal));
        Instant urgentDue = Instant.parse(second.text("firstResponseDueAt"));
        assertThat(list).contains("首次响应时限 " + MINUTES.format(urgentDue), "紧急");

        String ticketPage = "/console/tickets/" + urgent;
        ConsoleSession.Page open = expert.get(ticketPage);
        assertThat(open.body()).contains("id=\"respond\"", "下部叶片叶脉间发黄", MINUTES.format(urgentDue))
                .doesNotContain("id=\"resolve\"");

        // who else: another expert may not open it, a rep has no queue, an auditor reads it without a form
        ConsoleSession other = as(port, "agro-b");
        assertThat(other.get(ticketPage).status()).isEqualTo(403);
        assertThat(other.get("/console/tickets").body()).doesNotContain(urgent);
        ConsoleSession rep = as(port, "rep-a");
        assertThat(rep.get("/console/tickets").status()).isEqualTo(403);
        int events = storedEventIds("ticket:" + urgent).size();
        assertThat(rep.post(ticketPage + "/responses", Map.of("note", "x")).status()).isEqualTo(403);
        ConsoleSession auditor = as(port, "auditor");
        assertThat(auditor.get("/console/tickets").body()).contains(urgent);
        assertThat(auditor.get(ticketPage).body()).contains("下部叶片叶脉间发黄")
                .doesNotContain("id=\"respond\"", "id=\"resolve\"");
        assertThat(auditor.post(ticketPage + "/responses", Map.of("note", "x")).status()).isEqualTo(403);
        // another expert's answer is the ticket's refusal, on the page
        assertThat(follow(other, other.post(ticketPage + "/responses", Map.of("note", "我来看看"))).status()).isEqualTo(403);
        // bad input changes nothing
        assertThat(follow(expert, expert.post(ticketPage + "/responses", Map.of("note", " "))).body())
                .contains("答复：必填，最多 5000 个字符");
        assertThat(follow(expert, expert.post(ticketPage + "/resolve", Map.of("resolution", "还没答复就解决"))).body())
                .contains("class=\"problem\"");
        assertThat(storedEventIds("ticket:" + urgent)).hasSize(events);

        ConsoleSession.Page answered = follow(expert, expert.post(ticketPage + "/responses",
                Map.of("note", "先控水，明天上午到棚里看")));
        assertThat(answered.body()).contains("答复已发送", "处理中", "先控水，明天上午到棚里看", "id=\"resolve\"",
                "id=\"article-" + article + "\"");
        // the knowledge base, searched (the htmx fragment) and by page
        assertThat(expert.get(ticketPage + "/articles?q=" + unique).body()).contains("article-" + article);
        assertThat(expert.get(ticketPage + "/articles?q=nothing-matches-" + unique).body()).contains("没有找到文章")
                .doesNotContain("article-" + article);
        assertThat(expert.get(ticketPage + "?q=" + "x".repeat(201)).status()).isEqualTo(400);
        ConsoleSession.Page badArticle = follow(expert, expert.post(ticketPage + "/resolve", Map.of("resolution", "喷镁",
                "articleId", "../etc")));
        assertThat(badArticle.body()).contains("所引文章编号无效");
        ConsoleSession.Page unknownArticle = follow(expert, expert.post(ticketPage + "/resolve", Map.of("resolution", "喷镁",
                "articleId", "kb-none-" + unique)));
        assertThat(unknownArticle.body()).contains("class=\"problem\"", "处理中");

        ConsoleSession.Page resolved = follow(expert, expert.post(ticketPage + "/resolve", Map.of("resolution",
                "缺镁，叶面喷施硫酸镁", "articleId", article)));
        assertThat(resolved.body()).contains("工单已解决", "已解决", "缺镁，叶面喷施硫酸镁 · " + article)
                .doesNotContain("id=\"respond\"", "id=\"resolve\"");
        JsonNode view = api.get("manager", "/api/tickets/" + urgent + "?minPosition=" + commandsHead()).body();
        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.get("articleId").asText()).isEqualTo(article);
        ConsoleSession.Page after = expert.get("/console/tickets?minPosition=" + commandsHead());
        assertThat(after.body()).contains(normal).doesNotContain(urgent);
    }
}
