package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The approval and ticket queues in a real browser (headless Chromium driven by Selenium, as in
 * {@link ConsoleBrowserTest}): an order approved through its price and credit steps by a manager and finance, then
 * dispatched and delivered by the warehouse, each in its own session; an expert answering and resolving a ticket
 * citing an article. Screenshots {@code queue-*.png} go to {@code target/screenshots} (or
 * {@code -Dconsole.screenshots=docs/screenshots}). Skipped, saying why, where no browser is.
 */
class QueueConsoleBrowserTest extends ConsoleBrowser {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    private WebDriverWait waiting() {
        return waiting(15);
    }

    /** Logs in as another development user (password: the user's name and "-pass"). */
    private void loginAs(String user) {
        login(user, user + "-pass");
    }

    /** From the approvals page, the order's card in a queue, clicked. */
    private void openFromQueue(String queue, String orderId) {
        browser.get(url("/console/approvals"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//section[@id='queue-" + queue
                + "']//a[contains(@href, '/console/approvals/orders/" + orderId + "')]"))).click();
        waiting().until(ExpectedConditions.textToBe(By.id("order-id"), orderId));
    }

    private void waitForNotice(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), text));
    }

    @Test
    void anOrderIsApprovedThroughItsStepsAndShipped() throws IOException {
        open(1100, 900);
        registerRep("rep-a", 1000);
        String product = "browser-feed-" + unique;
        api.post("manager", "/api/products", Map.of("productId", product, "name", "教槽料 20kg", "productLine", "feed",
                "unit", "BAG", "listPrice", "168.00"));
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        String request = "cr-b-" + unique;
        api.post("rep-a", "/api/customers/" + customerId + "/credit/requests", Map.of("requestId", request, "limit",
                "1000.00", "paymentTermDays", 30, "reason", "备货"));
        long decided = api.post("finance", "/api/credit/requests/" + request + "/decision", Map.of("decision", "APPROVE"))
                .position();
        BigDecimal policy = api.get("rep-a", "/api/prices?customerId=" + customerId + "&productId=" + product
                + "&minPosition=" + decided).body().get("policyPrice").decimalValue();
        String orderId = "so-b-" + unique;
        Api.Response submitted = api.post("rep-a", "/api/orders", Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", product, "quantity", 10, "unitPrice",
                        policy.subtract(BigDecimal.TEN).toPlainString())), "note", "春节前送到"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        api.get("manager", "/api/orders/" + orderId + "?minPosition=" + submitted.position());

        loginAs("manager");
        browser.get(url("/console/approvals"));
        shot("queue-approvals-manager");
        openFromQueue("PRICE", orderId);
        browser.findElement(By.id("note")).sendKeys("老客户，开春大单");
        shot("queue-order-price");
        browser.findElement(By.id("approve")).click();
        waitForNotice("已批准");
        assertThat(browser.findElement(By.id("waiting-at")).getText()).contains("信用审批");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();

        loginAs("finance");
        openFromQueue("CREDIT", orderId);
        assertThat(browser.findElement(By.id("credit")).getText()).contains("1000.00");
        browser.findElement(By.id("note")).sendKeys("下月回款");
        shot("queue-order-credit");
        browser.findElement(By.id("approve")).click();
        waitForNotice("已批准");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("已批准");

        loginAs("warehouse");
        openFromQueue("DISPATCH", orderId);
        assertThat(browser.findElements(By.id("credit"))).as("the warehouse reads no credit").isEmpty();
        browser.findElement(By.id("waybill")).sendKeys("SF" + unique);
        shot("queue-order-dispatch");
        browser.findElement(By.id("dispatch-order")).click();
        waitForNotice("已发货");
        browser.findElement(By.id("deliver-order")).click();
        waitForNotice("已确认送达");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("已送达");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("manager", "finance", "warehouse", "下月回款");
        shot("queue-order-delivered");
        assertThat(api.get("manager", "/api/orders/" + orderId).text("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anExpertAnswersAndResolvesATicketCitingAnArticle() throws IOException {
        open(420, 900);
        registerRep("rep-a", 1000);
        assertThat(api.post("admin", "/api/experts", TicketApiTest.userExpert("agro-a")).status()).isEqualTo(201);
        assertThat(api.put("admin", "/api/policies/service", TicketApiTest.LONG_POLICY).status()).isEqualTo(200);
        Map<String, Object> body = newCustomer("rep-a");
        body.put("region", Map.of("province", "工单省", "city", "二市", "county", "二县"));
        String customerId = api.post("manager", "/api/customers", body).text("customerId");
        String ticketId = "t-b-" + unique;
        Api.Response opened = api.post("rep-a", "/api/tickets", new HashMap<>(Map.of("ticketId", ticketId, "customerId",
                customerId, "kind", "AGRONOMY", "severity", "URGENT", "subject", "大棚番茄叶片发黄", "description",
                "下部叶片叶脉间发黄，已三天", "crop", "番茄")));
        assertThat(opened.text("assignedExpertId")).isEqualTo("agro-a");
        String article = "kb-b-" + unique;
        Api.Response published = api.post("agro-a", "/api/articles", Map.of("articleId", article, "title",
                "番茄缺镁的识别与补救 " + unique, "body", "下部叶片叶脉间黄化；叶面喷施0.2%硫酸镁，一周两次。",
                "crops", List.of("番茄"), "species", List.of(), "tags", List.of("缺素", "黄叶")));
        api.get("agro-a", "/api/tickets/" + ticketId + "?minPosition=" + published.position());

        loginAs("agro-a");
        browser.get(url("/console/tickets"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(@href, '/console/tickets/"
                + ticketId + "')]")));
        shot("queue-tickets");
        browser.findElement(By.xpath("//a[contains(@href, '/console/tickets/" + ticketId + "')]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer"))).sendKeys("先控水，明天上午到棚里看");
        browser.findElement(By.id("send-answer")).click();
        waitForNotice("答复已发送");

        // the knowledge base, searched in place (htmx swaps the list inside the resolve form)
        browser.findElement(By.id("q")).sendKeys(unique);
        browser.findElement(By.id("find-articles")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("article-" + article))).click();
        browser.findElement(By.id("resolution-text")).sendKeys("缺镁，叶面喷施硫酸镁，一周两次");
        shot("queue-ticket-resolve");
        browser.findElement(By.id("resolve-ticket")).click();
        waitForNotice("工单已解决");
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("已解决");
        assertThat(browser.findElement(By.id("resolution-note")).getText()).contains(article);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("答复", "解决");
        shot("queue-ticket-resolved");
        assertThat(api.get("manager", "/api/tickets/" + ticketId).body().get("articleId").asText()).isEqualTo(article);
    }
}
